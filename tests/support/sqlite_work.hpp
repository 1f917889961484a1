// sqlite_work.hpp — a load-independent measure of how much work SQLite did while `f` ran on a
// project's connection: virtual-machine instructions (progress handler) plus pages touched (page
// cache hits and misses, which also count the table walks of count(*) and unindexed max()). Tests
// of "linear, not quadratic" compare this at two sizes instead of timing a shared machine.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <functional>

#include "core/store/project.hpp"

namespace npt::test {

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

}  // namespace npt::test
