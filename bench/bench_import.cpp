// bench_import.cpp — import throughput per format (MB/s of input bytes) on the seeded synthetic
// corpus: parsing alone (bytes -> ImportedDocument) and the full batch import into a fresh
// project (read, parse, SHA-256 check, store, FTS). `--write-sql=FILE` writes the same texts as
// an SQL script so the sqlite3 shell's own insert speed can be timed as the baseline:
//   bench_import --write-sql=/tmp/corpus.sql && time sqlite3 /tmp/x.db < /tmp/corpus.sql
// `--import-file=FILE` imports one file into a new project beside it (no size limit), as
// `nptcoder import` does, for peak-memory measurements under /usr/bin/time -v.
#include <benchmark/benchmark.h>
#include <unicode/unistr.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>

#include "corpus/synthetic_corpus.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/formats.hpp"
#include "importers/import_batch.hpp"

namespace {
namespace fs = std::filesystem;
using namespace npt;

constexpr int kDocuments = 24;
constexpr int kWords = 6000;

bench::Corpus corpus_with(double unicode_share) {
    bench::CorpusSpec spec;
    spec.documents = kDocuments;
    spec.words_per_document = kWords;
    spec.unicode_share = unicode_share;
    spec.codings = 0;
    return bench::make_corpus(spec);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::pair<std::string, std::string> split_label(const std::string& line) {
    std::size_t colon = line.find(": ");
    if (colon == std::string::npos) return {"", line};
    return {line.substr(0, colon), line.substr(colon + 2)};
}

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

std::string zip_bytes(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
    if (!z) throw std::runtime_error("zip_open_from_source failed");
    zip_source_keep(src);
    for (const auto& [name, content] : entries)
        zip_file_add(z, name.c_str(), zip_source_buffer(z, content.data(), content.size(), 0), ZIP_FL_ENC_UTF_8);
    if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
    zip_source_open(src);
    zip_source_seek(src, 0, SEEK_END);
    auto size = static_cast<std::size_t>(zip_source_tell(src));
    zip_source_seek(src, 0, SEEK_SET);
    std::string out(size, '\0');
    zip_source_read(src, out.data(), size);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&error);
    return out;
}

std::string to_docx(const std::string& text) {
    std::string body;
    for (const std::string& line : lines_of(text))
        body += "<w:p><w:r><w:t xml:space=\"preserve\">" + xml_escape(line) + "</w:t></w:r></w:p>";
    std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
                      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
                      body + "</w:body></w:document>";
    return zip_bytes({{"word/document.xml", doc}});
}

std::string clock(std::int64_t ms, char sep) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld%c%03lld", static_cast<long long>(ms / 3600000),
                  static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60), sep,
                  static_cast<long long>(ms % 1000));
    return buf;
}

std::string to_cues(const std::string& text, bool vtt) {
    std::string out = vtt ? "WEBVTT\n\n" : "";
    std::int64_t t = 0;
    int n = 0;
    for (const std::string& line : lines_of(text)) {
        auto [who, said] = split_label(line);
        out += std::to_string(++n) + "\n" + clock(t, vtt ? '.' : ',') + " --> " + clock(t + 3000, vtt ? '.' : ',') + "\n";
        out += vtt ? "<v " + who + ">" + xml_escape(said) + "</v>\n\n" : who + ": " + said + "\n\n";
        t += 3100;
    }
    return out;
}

std::string to_utf16le(const std::string& text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    std::string out = "\xFF\xFE";
    for (int32_t i = 0; i < u.length(); ++i) {
        char16_t c = u.charAt(i);
        out += static_cast<char>(c & 0xFF);
        out += static_cast<char>(c >> 8);
    }
    return out;
}

// ASCII text with "hub" spelled with a Windows-1252 u-umlaut, so detection and conversion run.
std::string to_cp1252(const std::string& ascii) {
    std::string out;
    for (std::size_t i = 0; i < ascii.size(); ++i) {
        if (ascii.compare(i, 3, "hub") == 0) {
            out += "h\xFC" "b";
            i += 2;
        } else {
            out += ascii[i];
        }
    }
    return out;
}

std::string to_pdf(const std::string& ascii) {
    std::vector<std::string> lines = lines_of(ascii);
    std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    std::string kids;
    int pages = 0;
    for (std::size_t first = 0; first < lines.size(); first += 40, ++pages) {
        std::string stream = "BT /F1 9 Tf 11 TL 36 760 Td\n";
        for (std::size_t i = first; i < std::min(lines.size(), first + 40); ++i) {
            std::string l = lines[i].substr(0, 110);
            stream += "(" + l + ") Tj T*\n";
        }
        stream += "ET\n";
        kids += std::to_string(objects.size() + 1) + " 0 R ";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                          "/Contents " + std::to_string(objects.size() + 2) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream");
    }
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        std::string n = std::to_string(off);
        out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

struct FormatFiles {
    std::string extension;
    std::vector<std::string> files;  // bytes of each document in this format
    std::size_t bytes() const {
        std::size_t n = 0;
        for (auto& f : files) n += f.size();
        return n;
    }
};

// Every benchmarked format, built once.
const std::map<std::string, FormatFiles>& formats() {
    static const std::map<std::string, FormatFiles> built = [] {
        bench::Corpus mixed = corpus_with(0.1), ascii = corpus_with(0.0);
        std::map<std::string, FormatFiles> out;
        auto add = [&](const std::string& key, const std::string& ext, const bench::Corpus& c,
                       const std::function<std::string(const std::string&)>& convert) {
            FormatFiles f{ext, {}};
            for (const auto& d : c.documents) f.files.push_back(convert(d.text));
            out[key] = std::move(f);
        };
        add("text_utf8", ".txt", mixed, [](const std::string& t) { return t; });
        add("text_utf16", ".txt", mixed, to_utf16le);
        add("text_cp1252", ".txt", ascii, to_cp1252);
        add("docx", ".docx", mixed, to_docx);
        add("vtt", ".vtt", mixed, [](const std::string& t) { return to_cues(t, true); });
        add("srt", ".srt", mixed, [](const std::string& t) { return to_cues(t, false); });
        add("pdf", ".pdf", ascii, to_pdf);
        return out;
    }();
    return built;
}

void BM_Parse(benchmark::State& state, const std::string& key) {
    const FormatFiles& f = formats().at(key);
    importers::ImportOptions options;
    for (auto _ : state) {
        for (std::size_t i = 0; i < f.files.size(); ++i) {
            importers::ImportedDocument d = importers::parse_document(f.files[i], "doc" + std::to_string(i) + f.extension, options);
            benchmark::DoNotOptimize(d.text.data());
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.bytes()));
}

// The whole batch: files on disk -> project (each file its own action, FTS indexed).
void BM_ImportBatch(benchmark::State& state, const std::string& key) {
    const FormatFiles& f = formats().at(key);
    fs::path dir = fs::temp_directory_path() / ("npt-bench-import-" + key);
    fs::remove_all(dir);
    fs::create_directories(dir / "in");
    for (std::size_t i = 0; i < f.files.size(); ++i) {
        std::ofstream(dir / "in" / ("doc" + std::to_string(i) + f.extension), std::ios::binary) << f.files[i];
    }
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        std::string file_name = "p";
        file_name += std::to_string(round++);
        file_name += ".nptq";
        fs::path project_path = dir / file_name;
        Project project = Project::create(project_path, "bench");
        state.ResumeTiming();
        importers::ImportSummary s = importers::import_paths(project, {(dir / "in").string()}, importers::ImportOptions{});
        if (s.imported.size() != f.files.size()) {
            std::string reason = "import failed: ";
            reason.append(s.failed.empty() ? "?" : s.failed[0].reason);
            state.SkipWithError(reason.c_str());
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.bytes()));
    fs::remove_all(dir);
}

void write_sql(const std::string& path) {
    bench::Corpus mixed = corpus_with(0.1);
    std::ofstream out(path, std::ios::binary);
    out << "PRAGMA journal_mode=WAL;\nCREATE TABLE document(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, text TEXT NOT NULL);\n";
    std::size_t bytes = 0;
    for (const auto& d : mixed.documents) {
        // One transaction per document, as the importer uses one action per file.
        std::string text;
        for (char c : d.text) text += c == '\'' ? std::string("''") : std::string(1, c);
        out << "BEGIN;\nINSERT INTO document(name, text) VALUES('" << d.name << "', '" << text << "');\nCOMMIT;\n";
        bytes += d.text.size();
    }
    std::fprintf(stderr, "wrote %s: %zu documents, %zu bytes of text\n", path.c_str(), mixed.documents.size(), bytes);
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--write-sql=", 0) == 0) {
            write_sql(arg.substr(12));
            return 0;
        }
        if (arg.rfind("--import-file=", 0) == 0) {
            std::string file = arg.substr(14);
            fs::path project_path = file + ".bench.nptq";
            fs::remove(project_path);
            Project project = Project::create(project_path, "bench");
            importers::ImportOptions options;
            options.max_size = ~0ull;
            importers::ImportSummary s = importers::import_paths(project, {file}, options);
            if (s.imported.size() != 1) {
                std::fprintf(stderr, "%s: %s\n", file.c_str(), s.failed.empty() ? "not imported" : s.failed[0].reason.c_str());
                return 1;
            }
            std::fprintf(stderr, "imported %s: %zu speaker turns\n", file.c_str(), static_cast<std::size_t>(s.imported[0].turns));
            return 0;
        }
    }
    for (const char* key : {"text_utf8", "text_utf16", "text_cp1252", "docx", "vtt", "srt", "pdf"}) {
        benchmark::RegisterBenchmark((std::string("BM_Parse/") + key).c_str(), BM_Parse, std::string(key))->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark((std::string("BM_ImportBatch/") + key).c_str(), BM_ImportBatch, std::string(key))
            ->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
