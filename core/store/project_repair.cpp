// project_repair.cpp — copying every readable row of a damaged project into a fresh one.
#include "core/store/project_repair.hpp"

#include <chrono>
#include <map>
#include <set>

#include "core/detail/db_access.hpp"
#include "core/error.hpp"
#include "core/store/project.hpp"
#include "core/store/schema.hpp"
#include "core/store/schema_check.hpp"

namespace npt {
namespace fs = std::filesystem;
namespace {

constexpr int kBatch = 500;

// Abandons a statement that runs longer than the deadline (a hostile file's huge or looping table).
int past_deadline(void* deadline) {
    return std::chrono::steady_clock::now() > *static_cast<std::chrono::steady_clock::time_point*>(deadline) ? 1 : 0;
}

std::vector<std::string> columns(sqlite::Database& db, const std::string& table) {
    std::vector<std::string> out;
    sqlite::Statement st(db, "SELECT name FROM pragma_table_info(?)");
    st.bind(1, table);
    while (st.step()) out.push_back(st.text(0));
    return out;
}

bool is_table(sqlite::Database& db, const std::string& name) {
    sqlite::Statement st(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    st.bind(1, name);
    return st.step();
}

std::string sql_name(const std::string& name) { return "\"" + name + "\""; }

class TableCopier {
public:
    TableCopier(sqlite::Database& from, sqlite::Database& to, std::string table)
        : from_(from), to_(to), table_(std::move(table)) {}

    RepairedTable run() {
        RepairedTable out{table_};
        if (!is_table(from_, table_)) return out;
        std::vector<std::string> source_columns = columns(from_, table_);
        std::set<std::string> have(source_columns.begin(), source_columns.end());
        std::string list, marks;
        for (const std::string& c : columns(to_, table_)) {
            if (!have.count(c)) continue;
            list += (list.empty() ? "" : ",") + sql_name(c);
            marks += ",?";
            ++width_;
        }
        if (width_ == 0) return out;
        std::string verb = table_ == "project_meta" ? "INSERT OR REPLACE" : "INSERT";
        insert_ = std::make_unique<sqlite::Statement>(
            to_, verb + " INTO " + sql_name(table_) + "(rowid," + list + ") VALUES(?" + marks + ")");
        select_sql_ = "SELECT rowid," + list + " FROM main." + sql_name(table_) + " WHERE rowid > ? ORDER BY rowid LIMIT " +
                      std::to_string(kBatch);
        std::int64_t after = INT64_MIN;
        while (true) {
            auto next = copy_batch(after, out);
            if (next) {
                after = *next;
                continue;
            }
            if (!batch_failed_) break;
            ++out.unreadable_runs;
            auto resume = next_readable_rowid(after);
            if (!resume) break;
            after = *resume - 1;
        }
        return out;
    }

private:
    // Copies up to kBatch rows after `after`; returns the last rowid copied, or nullopt at the end
    // of the table or on a read error (batch_failed_).
    std::optional<std::int64_t> copy_batch(std::int64_t after, RepairedTable& out) {
        batch_failed_ = false;
        std::optional<std::int64_t> last;
        try {
            sqlite::Statement select(from_, select_sql_);
            select.bind(1, after);
            int rows = 0;
            while (select.step()) {
                ++rows;
                last = select.int64(0);
                for (int i = 0; i <= width_; ++i)
                    sqlite3_bind_value(insert_->handle(), i + 1, sqlite3_column_value(select.handle(), i));
                try {
                    insert_->run();
                    ++out.copied;
                } catch (const StoreError&) {
                    insert_->reset();
                    ++out.dropped;
                }
            }
            if (rows < kBatch) return std::nullopt;
        } catch (const StoreError&) {
            batch_failed_ = true;
            if (last) return last;  // copy what was read, then meet the error again at the next batch
            return std::nullopt;
        }
        return last;
    }

    // The first rowid after `after` that can be read, probing ever further past the damage.
    std::optional<std::int64_t> next_readable_rowid(std::int64_t after) {
        for (std::int64_t step = 1; step > 0 && step < (std::int64_t{1} << 62); step *= 2) {
            if (after > INT64_MAX - step) return std::nullopt;
            try {
                sqlite::Statement probe(from_, "SELECT rowid FROM main." + sql_name(table_) + " WHERE rowid > ? ORDER BY rowid LIMIT 1");
                probe.bind(1, after + step);
                if (!probe.step()) return std::nullopt;
                return probe.int64(0);
            } catch (const StoreError&) {
            }
        }
        return std::nullopt;
    }

    sqlite::Database& from_;
    sqlite::Database& to_;
    std::string table_;
    std::unique_ptr<sqlite::Statement> insert_;
    std::string select_sql_;
    int width_ = 0;
    bool batch_failed_ = false;
};

// Deletes rows whose parent was lost, until every foreign key holds; counts them per table.
void drop_orphans(sqlite::Database& db, std::map<std::string, std::int64_t>& dropped) {
    for (int round = 0; round < 64; ++round) {
        std::vector<std::pair<std::string, std::int64_t>> orphans;
        {
            sqlite::Statement st(db, "SELECT \"table\", rowid FROM pragma_foreign_key_check");
            while (st.step()) orphans.emplace_back(st.text(0), st.int64(1));
        }
        if (orphans.empty()) return;
        for (const auto& [table, rowid] : orphans) {
            sqlite::Statement del(db, "DELETE FROM " + sql_name(table) + " WHERE rowid = ?");
            del.bind(1, rowid).run();
            ++dropped[table];
        }
    }
}

}  // namespace

fs::path default_repair_path(const fs::path& damaged) {
    fs::path out = damaged;
    out.replace_filename(damaged.stem().string() + "-repaired" + damaged.extension().string());
    return out;
}

RepairReport repair_project(const fs::path& damaged, const fs::path& output) {
    std::error_code ec;
    if (!fs::exists(damaged, ec)) throw NotFoundError(damaged.string() + ": no such project");
    if (fs::exists(output, ec)) throw InputError(output.string() + ": already exists; choose another file name for the repaired copy");
    fs::path wal = damaged;
    wal += "-wal";
    sqlite::Database from(damaged, fs::exists(wal, ec) ? sqlite::Database::Mode::ReadOnly
                                                       : sqlite::Database::Mode::ReadOnlyImmutable);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(10);
    sqlite3_progress_handler(from.handle(), 10000, past_deadline, &deadline);
    try {
        if (from.scalar_int("PRAGMA application_id") != schema::kApplicationId)
            throw FormatError(damaged.string() + ": not an nptcoder project (no nptcoder mark); nothing to repair");
    } catch (const StoreError& e) {
        throw FormatError(damaged.string() + ": cannot be read as an SQLite database at all (" + e.what() + ")");
    }

    RepairReport report;
    report.output = output;
    int version = static_cast<int>(from.scalar_int("PRAGMA user_version"));
    if (version >= 1 && version <= schema::current_version())
        for (const auto& d : schema::compare_with_expected(from, version))
            if (d.kind != schema::SchemaDifference::Kind::Missing) report.left_out.push_back(d.describe());

    fs::path temp = output;
    temp += ".repairing";
    fs::remove(temp, ec);
    try {
        {
            Project made = Project::create(temp, "");
            sqlite::Database& to = made.db();
            sqlite::Transaction tx(to);
            std::map<std::string, std::int64_t> orphans;
            std::vector<std::string> tables = schema::undoable_tables();
            tables.push_back("event_log");
            for (const std::string& t : tables) report.tables.push_back(TableCopier(from, to, t).run());
            drop_orphans(to, orphans);
            for (RepairedTable& t : report.tables) {
                t.copied -= orphans[t.table];
                t.dropped += orphans[t.table];
            }
            tx.commit();
            report.integrity = made.integrity_check();
        }
        fs::rename(temp, output, ec);
        if (ec) throw InputError(output.string() + ": cannot write the repaired copy (" + ec.message() + ")");
        fs::path temp_wal = temp, temp_shm = temp;
        fs::remove(temp_wal += "-wal", ec);
        fs::remove(temp_shm += "-shm", ec);
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
    return report;
}

}  // namespace npt
