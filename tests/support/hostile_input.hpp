// hostile_input.hpp — helpers for the tests of hostile files: building big inputs, the message
// of the npt::Error a call throws, and a load-independent measure of SQLite's work — virtual-
// machine instructions (progress handler) plus pages touched (page cache hits and misses, which
// also count the table walks of count(*) and unindexed max()). Tests of "linear, not quadratic"
// compare that work at two sizes instead of timing a shared machine.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <iostream>
#include <string>

#include "core/error.hpp"
#include "core/detail/db_access.hpp"
#include "core/store/project.hpp"

namespace npt::test {

// `s` repeated n times.
inline std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// The message of the npt::Error `f` throws, or "(no error)".
inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

inline std::int64_t sqlite_work(Project& project, const std::function<void()>& f) {
    sqlite3* db = project.db().handle();
    std::int64_t steps = 0;
    int current = 0, highwater = 0;
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_HIT, &current, &highwater, 1);
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &current, &highwater, 1);
    sqlite3_progress_handler(db, 1, [](void* n) { return ++*static_cast<std::int64_t*>(n), 0; }, &steps);
    f();
    sqlite3_progress_handler(db, 0, nullptr, nullptr);
    int hits = 0, misses = 0;
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_HIT, &hits, &highwater, 0);
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &misses, &highwater, 0);
    return steps + hits + misses;
}

// work(large) / work(small), printed as "SQLite work, <small> vs <large> <what>: a vs b".
inline double work_growth(const std::function<std::int64_t(int)>& work, int small, int large, const char* what) {
    std::int64_t a = work(small), b = work(large);
    std::cout << "SQLite work, " << small << " vs " << large << " " << what << ": " << a << " vs " << b << "\n";
    return static_cast<double>(b) / static_cast<double>(a);
}

}  // namespace npt::test
