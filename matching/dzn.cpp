#include "matching/dzn.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <optional>

namespace fairmatch::matching {

namespace {

std::string with_line(int line, const std::string& message) {
  return line > 0 ? "line " + std::to_string(line) + ": " + message : message;
}

enum class Tok { end, ident, integer, equals, semicolon, lbracket, rbracket, lbrace, rbrace, bar, comma, dotdot };

struct Token {
  Tok kind = Tok::end;
  std::string_view text;
  long long value = 0;
  int line = 1;
};

std::string describe(const Token& t) {
  switch (t.kind) {
    case Tok::end: return "end of input";
    case Tok::ident: return "'" + std::string(t.text) + "'";
    case Tok::integer: return "'" + std::string(t.text) + "'";
    default: return "'" + std::string(t.text) + "'";
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  Token next() {
    skip_space();
    Token t;
    t.line = line_;
    if (i_ >= s_.size()) return t;
    const char c = s_[i_];
    const std::size_t start = i_;
    auto single = [&](Tok k) {
      ++i_;
      t.kind = k;
      t.text = s_.substr(start, 1);
      return t;
    };
    switch (c) {
      case '=': return single(Tok::equals);
      case ';': return single(Tok::semicolon);
      case '[': return single(Tok::lbracket);
      case ']': return single(Tok::rbracket);
      case '{': return single(Tok::lbrace);
      case '}': return single(Tok::rbrace);
      case '|': return single(Tok::bar);
      case ',': return single(Tok::comma);
      default: break;
    }
    if (c == '.' && i_ + 1 < s_.size() && s_[i_ + 1] == '.') {
      i_ += 2;
      t.kind = Tok::dotdot;
      t.text = s_.substr(start, 2);
      return t;
    }
    if (is_digit(c) || (c == '-' && i_ + 1 < s_.size() && is_digit(s_[i_ + 1]))) {
      ++i_;
      while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
      t.kind = Tok::integer;
      t.text = s_.substr(start, i_ - start);
      long long v = 0;
      auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
      if (ec != std::errc() || v > std::numeric_limits<int>::max() || v < std::numeric_limits<int>::min())
        throw DznError(t.line, "integer " + std::string(t.text) + " is out of range");
      t.value = v;
      return t;
    }
    if (is_alpha(c)) {
      ++i_;
      while (i_ < s_.size() && (is_alpha(s_[i_]) || is_digit(s_[i_]))) ++i_;
      t.kind = Tok::ident;
      t.text = s_.substr(start, i_ - start);
      return t;
    }
    std::string shown = (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
                            ? "byte " + std::to_string(static_cast<unsigned char>(c))
                            : "character '" + std::string(1, c) + "'";
    throw DznError(line_, "unexpected " + shown);
  }

  int line() const { return line_; }

 private:
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

  void skip_space() {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '\n') {
        ++line_;
        ++i_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++i_;
      } else if (c == '%') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else {
        break;
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  int line_ = 1;
};

// A parsed value: an integer, a set, a 1-d array (of integers or sets), or a
// 2-d array (rows of integers). Every element remembers its line.
struct Value {
  enum class Kind { integer, set, array, matrix } kind = Kind::integer;
  int line = 0;
  long long integer = 0;
  std::vector<int> set;                  // Kind::set
  std::vector<Value> items;              // Kind::array
  std::vector<std::vector<int>> rows;    // Kind::matrix
  std::vector<int> row_lines;            // Kind::matrix
};

class Parser {
 public:
  explicit Parser(std::string_view text) : lex_(text) { advance(); }

  struct Assignment {
    std::string name;
    int line;
    Value value;
  };

  std::optional<Assignment> next_assignment() {
    if (cur_.kind == Tok::end) return std::nullopt;
    if (cur_.kind != Tok::ident) throw DznError(cur_.line, "expected a parameter name, found " + describe(cur_));
    Assignment a;
    a.name = std::string(cur_.text);
    a.line = cur_.line;
    advance();
    if (cur_.kind != Tok::equals)
      throw DznError(cur_.line, "expected '=' after '" + a.name + "', found " + describe(cur_));
    advance();
    context_ = a.name;
    a.value = parse_value();
    if (cur_.kind != Tok::semicolon)
      throw DznError(cur_.line, "expected ';' after the value of '" + a.name + "', found " + describe(cur_));
    advance();
    return a;
  }

 private:
  void advance() { cur_ = lex_.next(); }

  [[noreturn]] void unexpected(const std::string& wanted) {
    if (cur_.kind == Tok::end)
      throw DznError(cur_.line, "unexpected end of input in the value of '" + context_ + "'");
    throw DznError(cur_.line, "expected " + wanted + " in the value of '" + context_ + "', found " + describe(cur_));
  }

  Value parse_value() {
    Value v;
    v.line = cur_.line;
    if (cur_.kind == Tok::integer) {
      v.kind = Value::Kind::integer;
      v.integer = cur_.value;
      advance();
      return v;
    }
    if (cur_.kind == Tok::lbrace) return parse_set();
    if (cur_.kind == Tok::lbracket) {
      advance();
      if (cur_.kind == Tok::bar) return parse_matrix(v.line);
      v.kind = Value::Kind::array;
      while (cur_.kind != Tok::rbracket) {
        if (cur_.kind == Tok::integer || cur_.kind == Tok::lbrace) {
          v.items.push_back(parse_value());
        } else {
          unexpected("an integer, a set or ']'");
        }
        if (cur_.kind == Tok::comma) {
          advance();
        } else if (cur_.kind != Tok::rbracket) {
          unexpected("',' or ']'");
        }
      }
      advance();
      return v;
    }
    unexpected("a value");
  }

  Value parse_set() {
    Value v;
    v.kind = Value::Kind::set;
    v.line = cur_.line;
    advance();  // {
    while (cur_.kind != Tok::rbrace) {
      if (cur_.kind != Tok::integer) unexpected("an integer or '}'");
      const long long a = cur_.value;
      const int line = cur_.line;
      advance();
      if (cur_.kind == Tok::dotdot) {
        advance();
        if (cur_.kind != Tok::integer) unexpected("an integer after '..'");
        const long long b = cur_.value;
        if (b - a > 10'000'000) throw DznError(line, "range " + std::to_string(a) + ".." + std::to_string(b) + " is too large");
        for (long long x = a; x <= b; ++x) v.set.push_back(static_cast<int>(x));
        advance();
      } else {
        v.set.push_back(static_cast<int>(a));
      }
      if (cur_.kind == Tok::comma) {
        advance();
      } else if (cur_.kind != Tok::rbrace) {
        unexpected("',' or '}'");
      }
    }
    advance();
    std::sort(v.set.begin(), v.set.end());
    v.set.erase(std::unique(v.set.begin(), v.set.end()), v.set.end());
    return v;
  }

  // After "[|": rows of integers separated by '|', ended by "|]".
  Value parse_matrix(int line) {
    Value v;
    v.kind = Value::Kind::matrix;
    v.line = line;
    advance();  // the first '|'
    for (;;) {
      if (cur_.kind == Tok::rbracket) {  // "|]" closes (also "[| |]")
        advance();
        return v;
      }
      std::vector<int> row;
      const int row_line = cur_.line;
      while (cur_.kind == Tok::integer) {
        row.push_back(static_cast<int>(cur_.value));
        advance();
        if (cur_.kind == Tok::comma) {
          advance();
        } else if (cur_.kind != Tok::bar) {
          unexpected("',' or '|'");
        }
      }
      if (cur_.kind != Tok::bar) unexpected("an integer or '|'");
      advance();
      if (!row.empty()) {
        v.rows.push_back(std::move(row));
        v.row_lines.push_back(row_line);
      }
    }
  }

  Lexer lex_;
  Token cur_;
  std::string context_;
};

const char* kind_name(Value::Kind k) {
  switch (k) {
    case Value::Kind::integer: return "an integer";
    case Value::Kind::set: return "a set";
    case Value::Kind::array: return "an array";
    case Value::Kind::matrix: return "a 2-d array";
  }
  return "a value";
}

struct Seen {
  bool present = false;
  int line = 0;
  Value value;
};

constexpr std::array<std::string_view, 11> kNames = {
    "nBusiness", "nMeetings",         "nTables",           "nTotalSlots", "nMorningSlots", "requested",
    "forbidden", "fixed",             "precedences",       "meetingsxBusiness", "nMeetingsBusiness"};

int integer_of(const Seen& s, std::string_view name, int min_value) {
  if (s.value.kind != Value::Kind::integer)
    throw DznError(s.line, "'" + std::string(name) + "' must be an integer, not " + kind_name(s.value.kind));
  if (s.value.integer < min_value)
    throw DznError(s.line, "'" + std::string(name) + "' must be at least " + std::to_string(min_value) + ", not " +
                               std::to_string(s.value.integer));
  return static_cast<int>(s.value.integer);
}

// A 1-d array whose items are all integers (an empty array qualifies).
std::vector<const Value*> int_items(const Seen& s, std::string_view name) {
  if (s.value.kind != Value::Kind::array)
    throw DznError(s.line, "'" + std::string(name) + "' must be an array of integers, not " + kind_name(s.value.kind));
  std::vector<const Value*> out;
  for (const auto& it : s.value.items) {
    if (it.kind != Value::Kind::integer)
      throw DznError(it.line, "'" + std::string(name) + "' must be an array of integers, not of sets");
    out.push_back(&it);
  }
  return out;
}

std::vector<const Value*> set_items(const Seen& s, std::string_view name) {
  if (s.value.kind != Value::Kind::array)
    throw DznError(s.line, "'" + std::string(name) + "' must be an array of sets, not " + kind_name(s.value.kind));
  std::vector<const Value*> out;
  for (const auto& it : s.value.items) {
    if (it.kind != Value::Kind::set)
      throw DznError(it.line, "'" + std::string(name) + "' must be an array of sets, not of integers");
    out.push_back(&it);
  }
  return out;
}

void expect_count(const Seen& s, std::string_view name, std::size_t got, int want, std::string_view want_name) {
  if (got != static_cast<std::size_t>(want))
    throw DznError(s.line, "'" + std::string(name) + "' has " + std::to_string(got) + " entries but " +
                               std::string(want_name) + " = " + std::to_string(want));
}

std::string range_text(int lo, int hi) { return std::to_string(lo) + ".." + std::to_string(hi); }

}  // namespace

DznError::DznError(int line, const std::string& message) : std::runtime_error(with_line(line, message)), line_(line) {}

B2bInstance parse_dzn(std::string_view text) {
  Parser parser(text);
  std::array<Seen, kNames.size()> seen{};
  while (auto a = parser.next_assignment()) {
    const auto it = std::find(kNames.begin(), kNames.end(), a->name);
    if (it == kNames.end()) throw DznError(a->line, "unknown parameter '" + a->name + "'");
    auto& s = seen[static_cast<std::size_t>(it - kNames.begin())];
    if (s.present)
      throw DznError(a->line, "'" + a->name + "' is given twice (first on line " + std::to_string(s.line) + ")");
    s.present = true;
    s.line = a->line;
    s.value = std::move(a->value);
  }
  auto get = [&](std::string_view name) -> const Seen& {
    return seen[static_cast<std::size_t>(std::find(kNames.begin(), kNames.end(), name) - kNames.begin())];
  };
  for (std::string_view required : {"nBusiness", "nMeetings", "nTables", "nTotalSlots", "nMorningSlots", "requested"})
    if (!get(required).present) throw DznError(0, "missing parameter '" + std::string(required) + "'");

  B2bInstance inst;
  inst.businesses = integer_of(get("nBusiness"), "nBusiness", 0);
  const int nm = integer_of(get("nMeetings"), "nMeetings", 0);
  inst.tables = integer_of(get("nTables"), "nTables", 0);
  inst.total_slots = integer_of(get("nTotalSlots"), "nTotalSlots", 0);
  inst.morning_slots = integer_of(get("nMorningSlots"), "nMorningSlots", 0);
  if (inst.morning_slots > inst.total_slots)
    throw DznError(get("nMorningSlots").line, "nMorningSlots = " + std::to_string(inst.morning_slots) +
                                                  " exceeds nTotalSlots = " + std::to_string(inst.total_slots));
  const int P = inst.businesses, T = inst.total_slots;

  {
    const auto& s = get("requested");
    if (s.value.kind != Value::Kind::matrix && !(s.value.kind == Value::Kind::array && s.value.items.empty()))
      throw DznError(s.line, "'requested' must be a 2-d array [| p1, p2, session | ... |], not " +
                                 std::string(kind_name(s.value.kind)));
    const auto& rows = s.value.rows;
    if (rows.size() != static_cast<std::size_t>(nm))
      throw DznError(s.line, "'requested' has " + std::to_string(rows.size()) + " rows but nMeetings = " +
                                 std::to_string(nm));
    inst.meetings.reserve(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const int line = s.value.row_lines[r];
      const std::string where = "'requested' row " + std::to_string(r + 1) + ": ";
      if (rows[r].size() != 3)
        throw DznError(line, where + "expected 3 values (p1, p2, session), found " + std::to_string(rows[r].size()));
      B2bMeeting m{rows[r][0], rows[r][1], rows[r][2]};
      for (int p : {m.first, m.second})
        if (p < 1 || p > P)
          throw DznError(line, where + "participant " + std::to_string(p) + " is out of range " + range_text(1, P));
      if (m.first == m.second)
        throw DznError(line, where + "participant " + std::to_string(m.first) + " cannot meet itself");
      if (m.session < 1 || m.session > 3)
        throw DznError(line, where + "session " + std::to_string(m.session) + " is not 1, 2 or 3");
      inst.meetings.push_back(m);
    }
  }

  inst.forbidden.assign(P, {});
  if (const auto& s = get("forbidden"); s.present) {
    const auto items = set_items(s, "forbidden");
    expect_count(s, "forbidden", items.size(), P, "nBusiness");
    for (int p = 0; p < P; ++p) {
      for (int t : items[p]->set) {
        if (t == 0) continue;
        if (t < 1 || t > T)
          throw DznError(items[p]->line, "'forbidden' entry " + std::to_string(p + 1) + ": slot " + std::to_string(t) +
                                             " is out of range " + range_text(1, T));
        inst.forbidden[p].push_back(t);
      }
    }
  }

  inst.fixed.assign(nm, 0);
  if (const auto& s = get("fixed"); s.present) {
    const auto items = int_items(s, "fixed");
    expect_count(s, "fixed", items.size(), nm, "nMeetings");
    for (int m = 0; m < nm; ++m) {
      const long long t = items[m]->integer;
      if (t < 0 || t > T)
        throw DznError(items[m]->line, "'fixed' entry " + std::to_string(m + 1) + ": slot " + std::to_string(t) +
                                           " is out of range " + range_text(0, T));
      inst.fixed[m] = static_cast<int>(t);
    }
  }

  inst.precedences.assign(nm, {});
  if (const auto& s = get("precedences"); s.present) {
    const auto items = set_items(s, "precedences");
    expect_count(s, "precedences", items.size(), nm, "nMeetings");
    for (int m = 0; m < nm; ++m) {
      for (int q : items[m]->set) {
        if (q < 1 || q > nm)
          throw DznError(items[m]->line, "'precedences' entry " + std::to_string(m + 1) + ": meeting " +
                                             std::to_string(q) + " is out of range " + range_text(1, nm));
        if (q == m + 1)
          throw DznError(items[m]->line,
                         "'precedences' entry " + std::to_string(m + 1) + ": a meeting cannot precede itself");
        inst.precedences[m].push_back(q);
      }
    }
  }

  // Redundant views of `requested`: checked when present.
  std::vector<int> degree(P, 0);
  for (const auto& m : inst.meetings) {
    ++degree[m.first - 1];
    ++degree[m.second - 1];
  }
  if (const auto& s = get("nMeetingsBusiness"); s.present) {
    const auto items = int_items(s, "nMeetingsBusiness");
    expect_count(s, "nMeetingsBusiness", items.size(), P, "nBusiness");
    for (int p = 0; p < P; ++p)
      if (items[p]->integer != degree[p])
        throw DznError(items[p]->line, "'nMeetingsBusiness' entry " + std::to_string(p + 1) + " is " +
                                           std::to_string(items[p]->integer) + " but 'requested' gives participant " +
                                           std::to_string(p + 1) + " " + std::to_string(degree[p]) + " meetings");
  }
  if (const auto& s = get("meetingsxBusiness"); s.present) {
    const auto items = set_items(s, "meetingsxBusiness");
    expect_count(s, "meetingsxBusiness", items.size(), P, "nBusiness");
    std::vector<std::vector<int>> expected(P, std::vector<int>{1});
    for (int m = 0; m < nm; ++m) {
      expected[inst.meetings[m].first - 1].push_back(m + 2);
      expected[inst.meetings[m].second - 1].push_back(m + 2);
    }
    for (int p = 0; p < P; ++p) {
      auto& e = expected[p];
      std::sort(e.begin(), e.end());
      e.erase(std::unique(e.begin(), e.end()), e.end());
      if (items[p]->set != e)
        throw DznError(items[p]->line, "'meetingsxBusiness' entry " + std::to_string(p + 1) +
                                           " does not list exactly participant " + std::to_string(p + 1) +
                                           "'s meetings (plus the dummy 1)");
    }
  }
  return inst;
}

ScheduleProblem to_schedule_problem(const B2bInstance& inst) {
  ScheduleProblem pr;
  pr.break_scope = BreakScope::day;
  pr.slots.resize(inst.total_slots);
  for (int t = 0; t < inst.total_slots; ++t) {
    pr.slots[t].day = 0;
    pr.slots[t].session = t < inst.morning_slots ? SessionKind::morning : SessionKind::afternoon;
    pr.slots[t].tables = inst.tables;
  }
  pr.participants.resize(inst.businesses);
  for (int p = 0; p < inst.businesses && p < static_cast<int>(inst.forbidden.size()); ++p)
    for (int t : inst.forbidden[p]) pr.participants[p].unavailable.push_back(t - 1);
  pr.meetings.resize(inst.meetings.size());
  for (std::size_t m = 0; m < inst.meetings.size(); ++m) {
    auto& r = pr.meetings[m];
    r.first = inst.meetings[m].first - 1;
    r.second = inst.meetings[m].second - 1;
    r.weight = 1;
    r.session = inst.meetings[m].session == 1   ? SessionWish::morning
                : inst.meetings[m].session == 2 ? SessionWish::afternoon
                                                : SessionWish::any;
    r.fixed_slot = m < inst.fixed.size() ? inst.fixed[m] - 1 : -1;
    r.location = LocationKind::table;
    if (m < inst.precedences.size())
      for (int q : inst.precedences[m]) r.after.push_back(q - 1);
  }
  return pr;
}

B2bSolution solve_b2b(const B2bInstance& instance, const B2bSolveOptions& options) {
  const ScheduleProblem problem = to_schedule_problem(instance);
  ScheduleOptions so;
  so.seed = options.seed;
  so.out_of_time = options.out_of_time;
  so.effort = options.effort;
  so.place_fill_ins = false;
  const Schedule s = schedule_meetings(problem, so);
  B2bSolution out;
  for (std::size_t m = 0; m < s.meetings.size(); ++m) {
    const auto& pl = s.meetings[m];
    if (pl.held())
      out.meetings.push_back({static_cast<int>(m) + 1, pl.slot + 1, pl.location_index + 1});
    else
      out.unscheduled.push_back(static_cast<int>(m) + 1);
  }
  out.breaks = s.figures.breaks;
  out.breaks_lower_bound = s.figures.breaks_lower_bound;
  return out;
}

B2bSolution solve_b2b(const B2bInstance& instance, std::uint64_t seed, double seconds) {
  B2bSolveOptions o;
  o.seed = seed;
  if (seconds > 0) o.effort = std::clamp(seconds / 10.0, 0.001, 1000.0);
  if (seconds > 0) {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                               std::chrono::duration<double>(seconds));
    o.out_of_time = [deadline] { return std::chrono::steady_clock::now() >= deadline; };
  }
  return solve_b2b(instance, o);
}

}  // namespace fairmatch::matching
