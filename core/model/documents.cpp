// documents.cpp — storage of documents and their speaker turns.
#include "core/model/documents.hpp"

#include "core/detail/db_access.hpp"
#include "core/error.hpp"
#include "core/model/sha256.hpp"
#include "core/text/utf8_text.hpp"

namespace npt {
namespace {

constexpr const char* kColumns =
    "SELECT id, name, sha256, source_file, format, imported, length, guid, import_note FROM document ";

DocumentInfo read_info(sqlite::Statement& st) {
    return {st.id<DocumentId>(0), st.text(1), st.text(2), st.text(3), st.text(4),
            st.text(5),  st.int64(6), st.text(7), st.text(8)};
}

void check_turns(const std::string& doc, const std::vector<SpeakerTurn>& turns, std::int64_t length) {
    for (const SpeakerTurn& t : turns)
        if (t.start < 0 || t.end <= t.start || t.end > length)
            throw InputError(doc + ": speaker turn " + std::to_string(t.start) + "-" + std::to_string(t.end) +
                             " is outside the text (length " + std::to_string(length) + ")");
}

void insert_turns(Project& project, DocumentId doc_id, const std::vector<SpeakerTurn>& turns) {
    sqlite::Statement st(project.db(),
                         "INSERT INTO speaker_turn(document_id, start, end, speaker, start_ms, end_ms) VALUES(?,?,?,?,?,?)");
    for (const SpeakerTurn& t : turns) {
        st.bind(1, doc_id).bind(2, t.start).bind(3, t.end).bind(4, t.speaker).bind(5, t.start_ms).bind(6, t.end_ms);
        st.run();
    }
}

}  // namespace

DocumentInfo add_document(Project& project, NewDocument doc) {
    if (doc.name.empty()) throw InputError("a document needs a name");
    std::string text = text::prepare_in_place(std::move(doc.text), doc.name);
    DocumentInfo info;
    info.name = doc.name;
    info.sha256 = sha256_hex(text);
    info.source_file = doc.source_file;
    info.format = doc.format;
    info.imported = project.now();
    info.length = static_cast<std::int64_t>(text::count_code_points(text));
    info.guid = project.guids().next();
    info.import_note = doc.import_note;
    check_turns(doc.name, doc.turns, info.length);
    return project.action("Import " + doc.name, [&] {
        if (find_document(project, doc.name))
            throw InputError(doc.name + ": a document with this name is already in the project");
        sqlite::Statement st(project.db(),
                             "INSERT INTO document(name, text, sha256, source_file, format, imported, length, guid, import_note) "
                             "VALUES(?,?,?,?,?,?,?,?,?)");
        st.bind(1, info.name).bind_static(2, text).bind(3, info.sha256).bind(4, info.source_file).bind(5, info.format);
        st.bind(6, info.imported).bind(7, info.length).bind(8, info.guid).bind(9, info.import_note);
        st.run();
        info.id = DocumentId{project.db().last_insert_rowid()};
        insert_turns(project, info.id, doc.turns);
        return info;
    });
}

std::vector<DocumentInfo> list_documents(Project& project) {
    sqlite::Statement st(project.db(), std::string(kColumns) + "ORDER BY name");
    std::vector<DocumentInfo> out;
    while (st.step()) out.push_back(read_info(st));
    return out;
}

std::optional<DocumentInfo> find_document(Project& project, const std::string& name) {
    sqlite::Statement st(project.db(), std::string(kColumns) + "WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return read_info(st);
}

std::optional<DocumentInfo> find_document_by_sha256(Project& project, const std::string& sha256) {
    sqlite::Statement st(project.db(), std::string(kColumns) + "WHERE sha256 = ? ORDER BY id LIMIT 1");
    st.bind(1, sha256);
    if (!st.step()) return std::nullopt;
    return read_info(st);
}

DocumentInfo require_document(Project& project, const std::string& name) {
    if (auto d = find_document(project, name)) return *d;
    throw NotFoundError("no document named '" + name + "'");
}

DocumentInfo document_info(Project& project, DocumentId id) {
    sqlite::Statement& st = project.db().cached(std::string(kColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError("no document with id " + to_string(id));
    DocumentInfo info = read_info(st);
    st.reset();  // a half-read statement would hold a read snapshot open
    return info;
}

std::string document_text(Project& project, DocumentId id) {
    sqlite::Statement st(project.db(), "SELECT text FROM document WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError("no document with id " + to_string(id));
    return st.text(0);
}

std::vector<SpeakerTurn> speaker_turns(Project& project, DocumentId document_id) {
    sqlite::Statement st(project.db(),
                         "SELECT start, end, speaker, start_ms, end_ms FROM speaker_turn WHERE document_id = ? ORDER BY start");
    st.bind(1, document_id);
    std::vector<SpeakerTurn> out;
    while (st.step()) out.push_back({st.int64(0), st.int64(1), st.text(2), st.optional_int64(3), st.optional_int64(4)});
    return out;
}

void set_speaker_turns(Project& project, DocumentId document_id, const std::vector<SpeakerTurn>& turns) {
    DocumentInfo info = document_info(project, document_id);
    check_turns(info.name, turns, info.length);
    project.action("Set speaker turns of " + info.name, [&] {
        sqlite::Statement del(project.db(), "DELETE FROM speaker_turn WHERE document_id = ?");
        del.bind(1, document_id).run();
        insert_turns(project, document_id, turns);
    });
}

void rename_document(Project& project, DocumentId document, const std::string& new_name) {
    if (new_name.empty()) throw InputError("a document needs a name");
    DocumentInfo d = document_info(project, document);
    project.action("Rename document " + d.name + " to " + new_name, [&] {
        if (find_document(project, new_name)) throw InputError(new_name + ": a document with this name is already in the project");
        sqlite::Statement st(project.db(), "UPDATE document SET name = ? WHERE id = ?");
        st.bind(1, new_name).bind(2, d.id).run();
    });
}

void delete_document(Project& project, DocumentId document) {
    DocumentInfo d = document_info(project, document);
    project.action("Delete document " + d.name, [&] {
        sqlite::Statement st(project.db(), "DELETE FROM document WHERE id = ?");
        st.bind(1, d.id).run();
    });
}

}  // namespace npt
