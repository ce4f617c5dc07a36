#pragma once
// Awaiting work on the DB executor from a coroutine: the function runs on a
// DB thread with that thread's connection, and the coroutine resumes on its
// own executor (the connection's strand). Include only from server/net.

#include <boost/asio.hpp>

#include "server/store/db_executor.hpp"

namespace fairmatch::server {

namespace detail {
template <class R, class Handler, class Fn>
class ResumingJob final : public store::DbJob {
public:
    ResumingJob(Handler h, Fn fn)
        : handler_(std::move(h)),
          work_(boost::asio::prefer(boost::asio::get_associated_executor(handler_),
                                    boost::asio::execution::outstanding_work.tracked)),
          fn_(std::move(fn)) {}
    // The function must not throw (handlers turn failures into responses).
    void run(store::Connection& db) noexcept override {
        R result = fn_(db);
        boost::asio::post(work_, [h = std::move(handler_), r = std::move(result)]() mutable { std::move(h)(std::move(r)); });
    }

private:
    Handler handler_;
    decltype(boost::asio::prefer(std::declval<boost::asio::associated_executor_t<Handler>>(),
                                 boost::asio::execution::outstanding_work.tracked)) work_;
    Fn fn_;
};
}  // namespace detail

// Awaits `fn(connection)` run on the reader pool (or the writer thread).
template <class R, class Fn>
boost::asio::awaitable<R> run_on_db(store::DbExecutor& db, bool write, Fn fn) {
    return boost::asio::async_initiate<decltype(boost::asio::use_awaitable), void(R)>(
        [&db, write, fn = std::move(fn)](auto handler) mutable {
            using H = decltype(handler);
            auto job = std::make_unique<detail::ResumingJob<R, H, Fn>>(std::move(handler), std::move(fn));
            if (write) db.submit_write(std::move(job));
            else db.submit_read(std::move(job));
        },
        boost::asio::use_awaitable);
}

}  // namespace fairmatch::server
