// sqlite.cpp — implementation of the RAII SQLite layer (see sqlite.hpp).
#include "core/store/sqlite.hpp"

#include <utility>

namespace npt::sqlite {

bool is_corruption(int result_code) {
    int primary = result_code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}
// The extended result code of the last failure on `db` (rc itself without a connection).
static int extended_code(sqlite3* db, int rc) { return db ? sqlite3_extended_errcode(db) : rc; }

std::string error_message(sqlite3* db, int rc, std::string_view what) {
    std::string msg(what);
    msg += ": ";
    msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return msg;
}

// ---- Statement -------------------------------------------------------------------------------

Statement::Statement(Database& db, std::string_view sql) : db_(db.handle()) {
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        std::string what = "preparing SQL `" + std::string(sql.substr(0, 80)) + "`";
        throw StoreError(error_message(db_, rc, what), extended_code(db_, rc));
    }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

void Statement::fail(int rc, std::string_view what) const {
    const char* sql = sqlite3_sql(stmt_);
    std::string context = std::string(what) + " `" + std::string(sql ? std::string_view(sql).substr(0, 80) : "") + "`";
    std::string message = error_message(db_, rc, context);
    if (is_corruption(rc)) message += " — the project file is damaged; `nptcoder check PROJECT --repair` writes a recovered copy";
    throw StoreError(message, extended_code(db_, rc));
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(rc, "binding");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK) fail(rc, "binding");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) fail(rc, "binding");
    return *this;
}

Statement& Statement::bind_static(int index, const std::string& text) {
    // Told the length, SQLite cannot know a NUL follows, so the first reader that needs a
    // C string (FTS5's tokenizer, through the document_fts trigger) copies the whole value to
    // terminate it. A std::string's data() is NUL-terminated: when the text has no NUL of its own,
    // bind it as a C string (length -1), which SQLite marks as terminated and never copies.
    int rc = text.size() < 0x7fffffff && text.find('\0') == std::string::npos
                 ? sqlite3_bind_text(stmt_, index, text.data(), -1, SQLITE_STATIC)
                 : sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK) fail(rc, "binding");
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(rc, "binding");
    return *this;
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
    if (int rc = sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT); rc != SQLITE_OK)
        fail(rc, "binding");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(rc, "running");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::text_view(int column) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!p) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string Statement::text(int column) const { return std::string(text_view(column)); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
    if (is_null(column)) return std::nullopt;
    return int64(column);
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

// ---- Database --------------------------------------------------------------------------------

namespace {

// "file:" URI of a path, percent-encoding what a URI gives meaning to (RFC 3986; SQLite's rules).
std::string file_uri(const std::filesystem::path& path, std::string_view query) {
    static const char* hex = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char c : path.string()) {
        if (c == '%' || c == '?' || c == '#' || c <= 0x20 || c >= 0x7F) {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        } else {
            uri += static_cast<char>(c);
        }
    }
    uri += '?';
    uri += query;
    return uri;
}

}  // namespace

Database::Database(const std::filesystem::path& path, Mode mode) : path_(path) {
    int flags = SQLITE_OPEN_NOMUTEX;
    std::string name = path.string();
    switch (mode) {
        case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
        case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
        case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
        case Mode::ReadOnlyImmutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
            name = file_uri(std::filesystem::absolute(path), "immutable=1");
            break;
    }
    int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = error_message(db_, rc, path.string());
        const int code = extended_code(db_, rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(msg, code);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Defensive: no writable_schema, no direct writes to shadow tables, no journal_mode=OFF —
    // nothing a statement could use to damage the file's structure.
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
}

Database::~Database() {
    cache_.clear();  // finalize cached statements before closing
    sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)), cache_(std::move(other.cache_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        cache_.clear();
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        cache_ = std::move(other.cache_);
    }
    return *this;
}

Statement& Database::cached(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<Statement>(*this, sql)).first;
    it->second->reset();
    return *it->second;
}

void Database::exec(std::string_view sql) {
    std::string copy(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = path_.filename().string() + ": " + (err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        throw StoreError(msg, extended_code(db_, rc));
    }
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }
bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

std::int64_t Database::scalar_int(std::string_view sql) {
    Statement st(*this, sql);
    return st.step() ? st.int64(0) : 0;
}

std::string Database::scalar_text(std::string_view sql) {
    Statement st(*this, sql);
    return st.step() ? st.text(0) : std::string();
}

// ---- Transaction -----------------------------------------------------------------------------

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace npt::sqlite
