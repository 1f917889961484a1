// schema.cpp — migrations of the project schema. Migration N takes user_version N-1 to N.
// Foreign keys are DEFERRABLE INITIALLY DEFERRED so undo can replay changes in reverse order.
#include "core/store/schema.hpp"

#include <string>

namespace npt::schema {
namespace {

constexpr const char* kMigration1 = R"SQL(
CREATE TABLE project_meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE coder(
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE CHECK(length(name) > 0),
  colour  TEXT NOT NULL DEFAULT '#4e79a7',
  guid    TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL
);
CREATE TABLE document(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK(length(name) > 0),
  text        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  source_file TEXT NOT NULL DEFAULT '',
  format      TEXT NOT NULL DEFAULT 'text',
  imported    TEXT NOT NULL,
  length      INTEGER NOT NULL CHECK(length >= 0),
  guid        TEXT NOT NULL UNIQUE,
  import_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_by_sha256 ON document(sha256);
CREATE TABLE speaker_turn(
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  start       INTEGER NOT NULL CHECK(start >= 0),
  end         INTEGER NOT NULL CHECK(end > start),
  speaker     TEXT NOT NULL,
  start_ms    INTEGER,
  end_ms      INTEGER
);
CREATE INDEX speaker_turn_by_document ON speaker_turn(document_id, start);
CREATE TABLE cases(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK(length(name) > 0),
  description TEXT NOT NULL DEFAULT '',
  guid        TEXT NOT NULL UNIQUE
);
CREATE TABLE attribute(
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK(length(name) > 0),
  type       TEXT NOT NULL CHECK(type IN ('text', 'number', 'date', 'boolean')),
  sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE case_value(
  case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  attribute_id INTEGER NOT NULL REFERENCES attribute(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  value        TEXT NOT NULL,
  PRIMARY KEY(case_id, attribute_id)
);
CREATE TABLE case_document(
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY(case_id, document_id)
);
CREATE INDEX case_document_by_document ON case_document(document_id);
CREATE TABLE code(
  id          INTEGER PRIMARY KEY,
  parent_id   INTEGER REFERENCES code(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name        TEXT NOT NULL CHECK(length(name) > 0),
  description TEXT NOT NULL DEFAULT '',
  inclusion   TEXT NOT NULL DEFAULT '',
  exclusion   TEXT NOT NULL DEFAULT '',
  examples    TEXT NOT NULL DEFAULT '[]',
  citation    TEXT NOT NULL DEFAULT '',
  colour      TEXT NOT NULL DEFAULT '#9c9c9c',
  sort_order  INTEGER NOT NULL DEFAULT 0,
  guid        TEXT NOT NULL UNIQUE,
  created     TEXT NOT NULL,
  modified    TEXT NOT NULL
);
CREATE UNIQUE INDEX code_name_under_parent ON code(ifnull(parent_id, 0), name);
CREATE TABLE coding(
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code_id     INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  coder_id    INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  start       INTEGER NOT NULL CHECK(start >= 0),
  end         INTEGER NOT NULL CHECK(end > start),
  created     TEXT NOT NULL,
  modified    TEXT NOT NULL,
  guid        TEXT NOT NULL UNIQUE
);
CREATE INDEX coding_by_owner ON coding(document_id, code_id, coder_id, start);
CREATE INDEX coding_by_code ON coding(code_id, document_id, start);
CREATE INDEX coding_by_coder ON coding(coder_id);
CREATE TRIGGER coding_within_document BEFORE INSERT ON coding
WHEN NEW.end > (SELECT length FROM document WHERE id = NEW.document_id)
BEGIN SELECT RAISE(ABORT, 'coding ends beyond the end of its document'); END;
CREATE TRIGGER coding_update_within_document BEFORE UPDATE OF start, end ON coding
WHEN NEW.end > (SELECT length FROM document WHERE id = NEW.document_id)
BEGIN SELECT RAISE(ABORT, 'coding ends beyond the end of its document'); END;
CREATE TABLE memo(
  id          INTEGER PRIMARY KEY,
  document_id INTEGER REFERENCES document(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code_id     INTEGER REFERENCES code(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  case_id     INTEGER REFERENCES cases(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  coding_id   INTEGER REFERENCES coding(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  author      TEXT NOT NULL,
  title       TEXT NOT NULL DEFAULT '',
  text        TEXT NOT NULL,
  created     TEXT NOT NULL,
  modified    TEXT NOT NULL,
  guid        TEXT NOT NULL UNIQUE,
  CHECK((document_id IS NOT NULL) + (code_id IS NOT NULL) + (case_id IS NOT NULL) + (coding_id IS NOT NULL) <= 1)
);
CREATE INDEX memo_by_document ON memo(document_id);
CREATE INDEX memo_by_code ON memo(code_id);
CREATE INDEX memo_by_case ON memo(case_id);
CREATE INDEX memo_by_coding ON memo(coding_id);
CREATE TABLE framework_matrix(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK(length(name) > 0),
  description TEXT NOT NULL DEFAULT '',
  group_by    TEXT NOT NULL DEFAULT '[]',
  created     TEXT NOT NULL,
  modified    TEXT NOT NULL,
  guid        TEXT NOT NULL UNIQUE
);
CREATE TABLE matrix_column(
  matrix_id INTEGER NOT NULL REFERENCES framework_matrix(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code_id   INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position  INTEGER NOT NULL,
  PRIMARY KEY(matrix_id, code_id)
);
CREATE TABLE matrix_cell(
  id        INTEGER PRIMARY KEY,
  matrix_id INTEGER NOT NULL REFERENCES framework_matrix(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  case_id   INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code_id   INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  summary   TEXT NOT NULL DEFAULT '',
  edited    INTEGER NOT NULL DEFAULT 0,
  modified  TEXT NOT NULL,
  UNIQUE(matrix_id, case_id, code_id)
);
CREATE TABLE matrix_link(
  id          INTEGER PRIMARY KEY,
  cell_id     INTEGER NOT NULL REFERENCES matrix_cell(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  coding_id   INTEGER REFERENCES coding(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  document_id INTEGER REFERENCES document(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  quote       TEXT NOT NULL,
  position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX matrix_link_by_cell ON matrix_link(cell_id);
CREATE INDEX matrix_link_by_coding ON matrix_link(coding_id);
CREATE TABLE reconcile_decision(
  id                 INTEGER PRIMARY KEY,
  consensus_coder_id INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  document_id        INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code_id            INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  start              INTEGER NOT NULL,
  end                INTEGER NOT NULL,
  decision           TEXT NOT NULL CHECK(decision IN ('accept', 'reject')),
  decided_by         TEXT NOT NULL,
  time               TEXT NOT NULL,
  note               TEXT NOT NULL DEFAULT ''
);
CREATE TABLE event_log(
  id     INTEGER PRIMARY KEY,
  time   TEXT NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE undo_state(
  id        INTEGER PRIMARY KEY CHECK(id = 1),
  recording INTEGER NOT NULL DEFAULT 0,
  step_id   INTEGER
);
INSERT INTO undo_state(id, recording, step_id) VALUES(1, 0, NULL);
CREATE TABLE undo_step(
  id     INTEGER PRIMARY KEY,
  label  TEXT NOT NULL,
  actor  TEXT NOT NULL,
  time   TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE undo_entry(
  id      INTEGER PRIMARY KEY,
  step_id INTEGER NOT NULL,
  sql     TEXT NOT NULL
);
CREATE INDEX undo_entry_by_step ON undo_entry(step_id, id);
CREATE VIRTUAL TABLE document_fts USING fts5(name, text, content='document', content_rowid='id',
                                              tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
  INSERT INTO document_fts(rowid, name, text) VALUES (new.id, new.name, new.text);
END;
CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
  INSERT INTO document_fts(document_fts, rowid, name, text) VALUES('delete', old.id, old.name, old.text);
END;
CREATE TRIGGER document_fts_update AFTER UPDATE OF name, text ON document BEGIN
  INSERT INTO document_fts(document_fts, rowid, name, text) VALUES('delete', old.id, old.name, old.text);
  INSERT INTO document_fts(rowid, name, text) VALUES (new.id, new.name, new.text);
END;
)SQL";

// Schema 2: the reconcile decision log. A decision is by rule or manual; manual ones accept one
// coder, accept both, reject both or set a span. The log keeps what was decided with the coders on
// each side, the consensus result and the texts as they were. Schema-1 decisions ('accept' /
// 'reject' of a disagreement) become manual 'accept both' / 'reject both', their text and result
// filled in from the document (substr counts code points, as the offsets do).
constexpr const char* kMigration2 = R"SQL(
ALTER TABLE reconcile_decision RENAME TO reconcile_decision_v1;
CREATE TABLE reconcile_decision(
  id                 INTEGER PRIMARY KEY,
  consensus_coder_id INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  document_id        INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  code_id            INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  start              INTEGER NOT NULL,
  end                INTEGER NOT NULL,
  method             TEXT NOT NULL CHECK(method IN ('rule', 'manual')),
  decision           TEXT NOT NULL CHECK(decision IN ('rule', 'accept coder', 'accept both', 'reject both', 'span')),
  rule               TEXT NOT NULL DEFAULT '',
  coder              TEXT NOT NULL DEFAULT '',
  coders_with        TEXT NOT NULL DEFAULT '[]',
  coders_without     TEXT NOT NULL DEFAULT '[]',
  result_start       INTEGER,
  result_end         INTEGER,
  text               TEXT NOT NULL DEFAULT '',
  result_text        TEXT NOT NULL DEFAULT '',
  decided_by         TEXT NOT NULL,
  time               TEXT NOT NULL,
  note               TEXT NOT NULL DEFAULT '',
  CHECK((result_start IS NULL) = (result_end IS NULL))
);
CREATE INDEX reconcile_decision_by_consensus ON reconcile_decision(consensus_coder_id, id);
INSERT INTO reconcile_decision(id, consensus_coder_id, document_id, code_id, start, end, method, decision,
                               result_start, result_end, text, result_text, decided_by, time, note)
SELECT r.id, r.consensus_coder_id, r.document_id, r.code_id, r.start, r.end, 'manual',
       CASE r.decision WHEN 'accept' THEN 'accept both' ELSE 'reject both' END,
       CASE r.decision WHEN 'accept' THEN r.start END, CASE r.decision WHEN 'accept' THEN r.end END,
       substr(d.text, r.start + 1, r.end - r.start),
       CASE r.decision WHEN 'accept' THEN substr(d.text, r.start + 1, r.end - r.start) ELSE '' END,
       r.decided_by, r.time, r.note
FROM reconcile_decision_v1 r JOIN document d ON d.id = r.document_id;
DROP TABLE reconcile_decision_v1;
)SQL";

// Migration 3: a choice attribute's values, in order. An attribute with values here is a choice:
// each case's value for it is one of them (core/model/case_edits.hpp).
const char* kMigration3 = R"SQL(
CREATE TABLE attribute_choice(
  attribute_id INTEGER NOT NULL REFERENCES attribute(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position     INTEGER NOT NULL,
  value        TEXT NOT NULL CHECK(length(value) > 0),
  PRIMARY KEY(attribute_id, value)
);
)SQL";

const std::vector<const char*>& migrations() {
    static const std::vector<const char*> list = {kMigration1, kMigration2, kMigration3};
    return list;
}

std::vector<std::string> columns_of(sqlite::Database& db, const std::string& table) {
    std::vector<std::string> cols;
    sqlite::Statement st(db, "SELECT name FROM pragma_table_info(?)");
    st.bind(1, table);
    while (st.step()) cols.push_back(st.text(0));
    return cols;
}

// Triggers that write, for every change to a user-data table, the SQL that reverses it.
void install_undo_triggers(sqlite::Database& db) {
    const std::string active = "(SELECT recording FROM undo_state WHERE id = 1)";
    const std::string step = "(SELECT step_id FROM undo_state WHERE id = 1)";
    for (const std::string& t : undoable_tables()) {
        auto cols = columns_of(db, t);
        if (cols.empty()) continue;  // a table of a later schema (the reference of an older one)
        std::string set_list, col_list, value_list;
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const std::string& c = cols[i];
            std::string q = "\"" + c + "\"";
            set_list += (i ? "||'," : "'") + q + "='||quote(old." + q + ")";
            col_list += "," + q;
            value_list += "||','||quote(old." + q + ")";
        }
        std::string sql;
        sql += "DROP TRIGGER IF EXISTS undo_insert_" + t + ";";
        sql += "DROP TRIGGER IF EXISTS undo_update_" + t + ";";
        sql += "DROP TRIGGER IF EXISTS undo_delete_" + t + ";";
        sql += "CREATE TRIGGER undo_insert_" + t + " AFTER INSERT ON " + t + " WHEN " + active +
               " BEGIN INSERT INTO undo_entry(step_id, sql) VALUES(" + step + ", 'DELETE FROM " + t +
               " WHERE rowid='||new.rowid); END;";
        sql += "CREATE TRIGGER undo_update_" + t + " AFTER UPDATE ON " + t + " WHEN " + active +
               " BEGIN INSERT INTO undo_entry(step_id, sql) VALUES(" + step + ", 'UPDATE " + t + " SET '||" +
               set_list + "||' WHERE rowid='||old.rowid); END;";
        sql += "CREATE TRIGGER undo_delete_" + t + " AFTER DELETE ON " + t + " WHEN " + active +
               " BEGIN INSERT INTO undo_entry(step_id, sql) VALUES(" + step + ", 'INSERT INTO " + t +
               "(rowid" + col_list + ") VALUES('||old.rowid" + value_list + "||')'); END;";
        db.exec(sql);
    }
}

}  // namespace

int current_version() { return static_cast<int>(migrations().size()); }

const std::vector<std::string>& undoable_tables() {
    static const std::vector<std::string> tables = {
        "project_meta", "coder", "document", "speaker_turn", "cases", "attribute", "case_value",
        "case_document", "code", "coding", "memo", "framework_matrix", "matrix_column",
        "matrix_cell", "matrix_link", "reconcile_decision", "attribute_choice"};
    return tables;
}

void migrate(sqlite::Database& db) { migrate_to(db, current_version()); }

void migrate_to(sqlite::Database& db, int target) {
    int version = static_cast<int>(db.scalar_int("PRAGMA user_version"));
    if (version > target)
        throw FormatError(db.path().filename().string() + ": made by a newer nptcoder (schema " +
                          std::to_string(version) + "; this build reads up to " + std::to_string(target) +
                          "); the file was not modified");
    if (version == target) return;
    for (int v = version; v < target; ++v) db.exec(migrations()[static_cast<std::size_t>(v)]);
    install_undo_triggers(db);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(target));
}

}  // namespace npt::schema
