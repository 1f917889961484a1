// project_repair.hpp — `nptcoder check P --repair`: a recovered copy of a damaged or tampered
// project, never a change in place. The copy is a new project with nptcoder's own schema, into
// which every row that can still be read is copied; schema objects the file brought with it are
// left out, rows that break the schema's rules are dropped and counted, and the undo history
// (statements read from the file) is not carried over.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace npt {

struct RepairedTable {
    std::string table;
    std::int64_t copied = 0;
    std::int64_t dropped = 0;          // rows that broke a rule (a span past its document, a lost parent…)
    std::int64_t unreadable_runs = 0;  // stretches of rows SQLite could not read (damaged pages)
};

struct RepairReport {
    std::filesystem::path output;
    std::vector<std::string> left_out;  // schema objects of the file that are not nptcoder's
    std::vector<RepairedTable> tables;
    std::string integrity;               // PRAGMA integrity_check of the copy ("ok")
};

// Writes the recovered copy of `damaged` to `output` (which must not exist; it appears only when
// complete). Reads `damaged` through SQLite only, read-only. Throws NotFoundError / InputError /
// FormatError (not an SQLite file at all, or nptcoder's mark missing).
RepairReport repair_project(const std::filesystem::path& damaged, const std::filesystem::path& output);

// The default name of the copy: P-repaired.nptq beside P.
std::filesystem::path default_repair_path(const std::filesystem::path& damaged);

}  // namespace npt
