// Separate compilation of Asio and Beast: their implementations are built
// once here instead of in every file that includes them.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
