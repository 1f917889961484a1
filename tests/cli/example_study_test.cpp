// example_study_test.cpp — the example study in examples/: its files meet their own rules
// (transcripts, participants, two coders' codings whose offsets point at their `text` column),
// examples/build-example-project builds a project in which every coding reads back exactly, and
// examples/build-coder-projects builds Amira's and Ben's separate projects whose merge is that study.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "core/text/csv.hpp"
#include "core/text/utf8_text.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {
namespace fs = std::filesystem;

const fs::path kExamples = fs::path(NPT_SOURCE_DIR) / "examples";
// The plain-text interviews that both coders coded (the study may hold more transcripts, in other formats).
const std::vector<std::string> kCodedParticipants = {"P01", "P02", "P03", "P04", "P05", "P06"};
const std::vector<std::string> kCoders = {"Amira", "Ben"};

// Decodes UTF-8 to code points by hand (no ICU), so offsets are checked independently of the core.
std::u32string decode_utf8(const std::string& bytes) {
    std::u32string out;
    for (std::size_t i = 0; i < bytes.size();) {
        auto b = static_cast<unsigned char>(bytes[i]);
        int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : 4;
        char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(bytes.at(i + k)) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::string encode_utf8(const std::u32string& text) {
    std::string out;
    for (char32_t cp : text) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A CSV file as header-keyed rows.
std::vector<std::map<std::string, std::string>> read_csv(const fs::path& file) {
    auto rows = csv::parse(read_bytes(file), ',');
    std::vector<std::map<std::string, std::string>> out;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        EXPECT_EQ(rows[r].fields.size(), rows[0].fields.size()) << file << " line " << rows[r].line;
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < rows[0].fields.size() && i < rows[r].fields.size(); ++i)
            row[rows[0].fields[i]] = rows[r].fields[i];
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<std::string> csv_header(const fs::path& file) {
    auto rows = csv::parse(read_bytes(file), ',');
    return rows.empty() ? std::vector<std::string>{} : rows[0].fields;
}

fs::path codings_csv(const std::string& coder) { return kExamples / "codings" / (lower(coder) + ".csv"); }

std::size_t transcript_files() {
    std::size_t n = 0;
    for (auto& entry : fs::directory_iterator(kExamples / "transcripts")) n += entry.is_regular_file();
    return n;
}

std::set<std::string> npt_code_paths() {
    const std::map<std::string, std::vector<std::string>> constructs = {
        {"Coherence", {"Differentiation", "Communal specification", "Individual specification", "Internalisation"}},
        {"Cognitive participation", {"Initiation", "Enrolment", "Legitimation", "Activation"}},
        {"Collective action",
         {"Interactional workability", "Relational integration", "Skill set workability", "Contextual integration"}},
        {"Reflexive monitoring", {"Systematisation", "Communal appraisal", "Individual appraisal", "Reconfiguration"}},
    };
    std::set<std::string> out;
    for (auto& [construct, subs] : constructs)
        for (auto& sub : subs) out.insert(construct + "/" + sub);
    return out;
}

// Runs examples/SCRIPT OUT with NPTCODER set to the built binary; output goes to log.
int run_build_script(const fs::path& out, const fs::path& log, const std::string& name = "build-example-project") {
    pid_t pid = ::fork();
    if (pid == 0) {
        int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        ::setenv("NPTCODER", NPT_CLI_PATH, 1);
        std::string script = (kExamples / name).string();
        std::string arg = out.string();
        char* argv[] = {script.data(), arg.data(), nullptr};
        ::execv(script.c_str(), argv);
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

nlohmann::json cli_json(const std::vector<std::string>& args) {
    CommandResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

using CodingKey = std::tuple<std::string, std::int64_t, std::int64_t, std::string, std::string>;

CodingKey key_of(const std::map<std::string, std::string>& row) {
    return {row.at("doc"), std::stoll(row.at("start")), std::stoll(row.at("end")), row.at("code"), row.at("coder")};
}

TEST(ExampleStudyFiles, TranscriptsAreNfcLfUtf8WithSpeakerTurnsAndRightLength) {
    for (const auto& id : kCodedParticipants) {
        fs::path file = kExamples / "transcripts" / (lower(id) + ".txt");
        ASSERT_TRUE(fs::exists(file)) << file;
        std::string bytes = read_bytes(file);
        EXPECT_EQ(bytes.find('\r'), std::string::npos) << file;
        EXPECT_FALSE(text::first_invalid_utf8(bytes).has_value()) << file;
        EXPECT_TRUE(text::is_nfc(bytes)) << file;
        EXPECT_EQ(text::prepare_for_store(bytes, file.string()), bytes) << file << " would change on import";

        std::istringstream in(bytes);
        std::string line;
        int words = 0, participant_turns = 0, interviewer_turns = 0;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            if (line.rfind("Interviewer: ", 0) == 0) ++interviewer_turns;
            else if (line.rfind(id + ": ", 0) == 0) ++participant_turns;
            else ADD_FAILURE() << file << ": line is not a speaker turn: " << line.substr(0, 40);
            std::istringstream ws(line);
            std::string w;
            while (ws >> w) ++words;
        }
        EXPECT_GE(words, 500) << file;
        EXPECT_LE(words, 900) << file;
        EXPECT_GE(participant_turns, 5) << file;
        EXPECT_GE(interviewer_turns, 5) << file;
    }
}

// Every participant row names a transcript (p07.docx, p08-teams.vtt ... by case name) and back.
TEST(ExampleStudyFiles, ParticipantsCoverEveryGroupAndSiteWithOneRowPerTranscript) {
    fs::path file = kExamples / "participants.csv";
    EXPECT_EQ(csv_header(file), (std::vector<std::string>{"participant", "group", "site", "role", "gender",
                                                          "years_in_post", "interview_date"}));
    auto rows = read_csv(file);
    std::set<std::string> ids, groups, sites;
    for (auto& row : rows) {
        EXPECT_TRUE(ids.insert(row["participant"]).second) << "duplicate " << row["participant"];
        groups.insert(row["group"]);
        sites.insert(row["site"]);
        int files = 0;
        for (auto& entry : fs::directory_iterator(kExamples / "transcripts"))
            files += entry.path().filename().string().rfind(lower(row["participant"]), 0) == 0;
        EXPECT_EQ(files, 1) << row["participant"];
    }
    for (const auto& id : kCodedParticipants) EXPECT_TRUE(ids.count(id)) << id;
    EXPECT_EQ(rows.size(), transcript_files());
    EXPECT_EQ(groups, (std::set<std::string>{"Hub staff", "Hub client", "Non-user keyworker", "Stakeholder"}));
    EXPECT_EQ(sites, (std::set<std::string>{"North", "East", "West"}));
    bool quoted_comma = false;
    for (auto& row : rows) quoted_comma = quoted_comma || row["role"].find(',') != std::string::npos;
    EXPECT_TRUE(quoted_comma) << "expected a quoted field holding a comma";
}

TEST(ExampleStudyFiles, CodingOffsetsAreCodePointsThatSelectTheTextColumn) {
    std::map<std::string, std::u32string> transcripts;
    for (const auto& id : kCodedParticipants)
        transcripts[lower(id) + ".txt"] = decode_utf8(read_bytes(kExamples / "transcripts" / (lower(id) + ".txt")));
    std::set<std::string> allowed = npt_code_paths();
    for (const char* inductive : {"Inductive/Waiting times", "Inductive/Manager support",
                                  "Inductive/Confusion with other services"})
        allowed.insert(inductive);

    for (const auto& coder : kCoders) {
        fs::path file = codings_csv(coder);
        EXPECT_EQ(csv_header(file), (std::vector<std::string>{"doc", "start", "end", "code", "coder", "memo", "text"}));
        auto rows = read_csv(file);
        EXPECT_GE(rows.size(), 25u) << file;
        EXPECT_LE(rows.size(), 40u) << file;
        int memos = 0;
        for (auto& row : rows) {
            SCOPED_TRACE(file.string() + ": " + row["doc"] + " " + row["start"] + "-" + row["end"]);
            EXPECT_EQ(row["coder"], coder);
            EXPECT_TRUE(allowed.count(row["code"])) << row["code"];
            ASSERT_TRUE(transcripts.count(row["doc"]));
            const std::u32string& text = transcripts[row["doc"]];
            std::int64_t start = std::stoll(row["start"]), end = std::stoll(row["end"]);
            ASSERT_LT(start, end);
            ASSERT_LE(end, static_cast<std::int64_t>(text.size()));
            EXPECT_EQ(encode_utf8(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start))),
                      row["text"]);
            if (!row["memo"].empty()) ++memos;
        }
        EXPECT_GE(memos, 2) << file;
        // Same code, same coder, same document: no overlapping or touching spans (the coding rule would join them).
        for (std::size_t i = 0; i < rows.size(); ++i)
            for (std::size_t j = i + 1; j < rows.size(); ++j) {
                auto& a = rows[i];
                auto& b = rows[j];
                if (a["doc"] != b["doc"] || a["code"] != b["code"]) continue;
                EXPECT_TRUE(std::stoll(a["end"]) < std::stoll(b["start"]) || std::stoll(b["end"]) < std::stoll(a["start"]))
                    << a["doc"] << " " << a["code"] << " " << a["start"] << " and " << b["start"];
            }
    }
}

// Ben overlaps Amira substantially but differs the way real coders do: some spans identical,
// some with shifted boundaries, some with another code, some coded by one of them only.
TEST(ExampleStudyFiles, TheTwoCodersAgreeOftenButNotAlways) {
    auto amira = read_csv(codings_csv("Amira"));
    auto ben = read_csv(codings_csv("Ben"));
    auto overlaps = [](auto& a, auto& b) {
        return a.at("doc") == b.at("doc") && std::stoll(a.at("start")) < std::stoll(b.at("end")) &&
               std::stoll(b.at("start")) < std::stoll(a.at("end"));
    };
    auto same_span = [](auto& a, auto& b) {
        return a.at("doc") == b.at("doc") && a.at("start") == b.at("start") && a.at("end") == b.at("end");
    };
    int identical = 0, shifted = 0, other_code = 0, ben_only = 0, amira_only = 0;
    for (auto& b : ben) {
        bool exact = false, moved = false, same_code = false, any = false;
        for (auto& a : amira) {
            if (!overlaps(a, b)) continue;
            any = true;
            if (a.at("code") != b.at("code")) continue;
            same_code = true;
            (same_span(a, b) ? exact : moved) = true;
        }
        identical += exact;
        shifted += moved && !exact;
        other_code += any && !same_code;
        ben_only += !any;
    }
    for (auto& a : amira) {
        bool any = false;
        for (auto& b : ben) any = any || overlaps(a, b);
        amira_only += !any;
    }
    EXPECT_GE(identical, 5);
    EXPECT_GE(shifted, 5);
    EXPECT_GE(other_code, 2);
    EXPECT_GE(ben_only, 3);
    EXPECT_GE(amira_only, 3);
    EXPECT_GE(identical + shifted, static_cast<int>(ben.size()) / 2) << "the coders should overlap substantially";
}

class ExampleStudyProject : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(run_build_script(project_, log_), 0) << read_bytes(log_);
        for (const auto& coder : kCoders)
            for (auto& row : read_csv(codings_csv(coder))) rows_.push_back(row);
    }
    TempDir dir_;
    fs::path project_ = dir_ / "study" / "hub.nptq";
    fs::path log_ = dir_ / "build.log";
    std::vector<std::map<std::string, std::string>> rows_;
};

TEST_F(ExampleStudyProject, EveryCodingReadsBackItsCsvTextAndMemo) {
    std::map<CodingKey, const std::map<std::string, std::string>*> expected;
    for (auto& row : rows_) EXPECT_TRUE(expected.emplace(key_of(row), &row).second) << "duplicate row";
    nlohmann::json listed = cli_json({"code", "list", project_.string(), "--json"});
    ASSERT_EQ(listed.size(), rows_.size());
    std::set<CodingKey> seen;
    for (auto& s : listed) {
        CodingKey key{s["doc"], s["start"], s["end"], s["code"], s["coder"]};
        auto it = expected.find(key);
        ASSERT_NE(it, expected.end()) << s.dump();
        EXPECT_EQ(s["text"].get<std::string>(), it->second->at("text"));
        EXPECT_EQ(s["memo"].get<std::string>(), it->second->at("memo"));
        seen.insert(key);
    }
    EXPECT_EQ(seen.size(), rows_.size());
}

// Run twice: the second run must replace the first project, not add to it.
TEST_F(ExampleStudyProject, RerunReplacesTheProjectAndTheSummaryMatchesTheFiles) {
    ASSERT_EQ(run_build_script(project_, log_), 0) << read_bytes(log_);
    std::map<std::string, std::size_t> codings_per_code;
    std::size_t memos = 0;
    for (auto& row : rows_) {
        ++codings_per_code[row["code"]];
        if (!row["memo"].empty()) ++memos;
    }
    fs::path participants = kExamples / "participants.csv";
    nlohmann::json info = cli_json({"info", project_.string(), "--json"});
    EXPECT_EQ(info["name"], "Staff wellbeing hub evaluation");
    EXPECT_EQ(info["documents"], transcript_files());
    EXPECT_EQ(info["cases"], read_csv(participants).size());
    EXPECT_EQ(info["attributes"], csv_header(participants).size() - 1);
    EXPECT_EQ(info["coders"], kCoders.size());
    EXPECT_EQ(info["codings"], rows_.size());
    // The CSVs' NPT paths are spelled as in the loaded codebook: no near-duplicate codes appear,
    // every code holds exactly its CSV rows, and NPT codes keep the codebook's definitions.
    nlohmann::json codebook = cli_json({"codebook", "list", project_.string(), "--json"});
    EXPECT_EQ(info["codes"], codebook.size());
    std::set<std::string> paths;
    for (auto& code : codebook) {
        std::string path = code["path"];
        EXPECT_TRUE(paths.insert(path).second) << "duplicate code " << path;
        std::size_t expected = codings_per_code.count(path) ? codings_per_code[path] : 0;
        EXPECT_EQ(code["codings"], expected) << path;
        if (expected > 0 && path.rfind("Inductive/", 0) != 0) {
            EXPECT_FALSE(code["description"].get<std::string>().empty()) << path;
        }
    }
    for (auto& entry : codings_per_code) EXPECT_TRUE(paths.count(entry.first)) << entry.first;
    EXPECT_EQ(info["memos"], memos);
    EXPECT_NE(read_bytes(log_).find("Codings"), std::string::npos) << "the script should end with the summary";
    CommandResult check = run_cli({"check", project_.string()});
    EXPECT_EQ(check.exit_code, 0) << check.err;
}

// Attribute values (quoted fields with commas included) arrive exactly as participants.csv has them.
TEST_F(ExampleStudyProject, CasesCarryTheParticipantsAttributesAndTranscripts) {
    auto rows = read_csv(kExamples / "participants.csv");
    nlohmann::json cases = cli_json({"cases", "list", project_.string(), "--json"});
    ASSERT_EQ(cases.size(), rows.size());
    std::map<std::string, nlohmann::json> by_name;
    for (auto& c : cases) by_name[c["name"]] = c;
    for (auto& row : rows) {
        ASSERT_TRUE(by_name.count(row["participant"])) << row["participant"];
        const nlohmann::json& values = by_name[row["participant"]]["values"];
        for (auto& [column, value] : row) {
            if (column == "participant") continue;
            EXPECT_EQ(values.value(column, std::string("<missing>")), value) << column;
        }
        EXPECT_EQ(by_name[row["participant"]]["documents"].size(), 1u) << row["participant"];
    }
    // Filtering codings by case finds exactly the codings of that participant's transcript.
    for (const auto& id : kCodedParticipants) {
        std::string doc = lower(id) + ".txt";
        EXPECT_EQ(by_name[id]["documents"], nlohmann::json::array({doc}));
        std::size_t expected = 0;
        for (auto& row : rows_) expected += row["doc"] == doc;
        nlohmann::json listed = cli_json({"code", "list", project_.string(), "--case", id, "--json"});
        EXPECT_EQ(listed.size(), expected) << id;
        for (auto& s : listed) EXPECT_EQ(s["doc"], doc) << id;
    }
}

}  // namespace
}  // namespace npt::test

namespace npt::test {
namespace {

std::set<CodingKey> listed_codings(const fs::path& project) {
    std::set<CodingKey> out;
    for (auto& s : cli_json({"code", "list", project.string(), "--json"}))
        out.insert(CodingKey{s["doc"], s["start"], s["end"], s["code"], s["coder"]});
    return out;
}

TEST(ExampleCoderProjects, MergingBensProjectIntoAmirasGivesTheStudysCodingsAndAgreement) {
    TempDir dir;
    const fs::path team = dir / "team", amira = team / "amira.nptq", ben = team / "ben.nptq";
    ASSERT_EQ(run_build_script(team, dir / "team.log", "build-coder-projects"), 0) << read_bytes(dir / "team.log");
    EXPECT_FALSE(fs::exists(team / ".team-start.nptq"));
    std::set<CodingKey> amira_rows, ben_rows;
    for (auto& row : read_csv(codings_csv("Amira"))) amira_rows.insert(key_of(row));
    for (auto& row : read_csv(codings_csv("Ben"))) ben_rows.insert(key_of(row));
    // Each project holds its own coder's codings only.
    EXPECT_EQ(listed_codings(amira), amira_rows);
    EXPECT_EQ(listed_codings(ben), ben_rows);

    // The preview: Ben and his codings, nothing else new, no conflicts (copies of one start share GUIDs).
    const std::string amira_hash = file_sha256(amira), ben_hash = file_sha256(ben);
    nlohmann::json preview = cli_json({"merge", amira.string(), ben.string(), "--dry-run", "--json"});
    EXPECT_EQ(file_sha256(amira), amira_hash);
    EXPECT_EQ(file_sha256(ben), ben_hash);
    EXPECT_EQ(preview["added_coders"], nlohmann::json::array({"Ben"}));
    EXPECT_TRUE(preview["added_codes"].empty()) << preview.dump();
    EXPECT_TRUE(preview["added_documents"].empty()) << preview.dump();
    EXPECT_TRUE(preview["conflicts"].empty()) << preview.dump();
    EXPECT_EQ(preview["documents_matched"], static_cast<int>(kCodedParticipants.size()));
    EXPECT_EQ(preview["codings_added"], static_cast<int>(ben_rows.size()));

    nlohmann::json merged = cli_json({"merge", amira.string(), ben.string(), "--json"});
    EXPECT_EQ(merged["codings_added"], preview["codings_added"]);
    EXPECT_EQ(file_sha256(ben), ben_hash);
    std::set<CodingKey> both = amira_rows;
    both.insert(ben_rows.begin(), ben_rows.end());
    EXPECT_EQ(listed_codings(amira), both);

    // Agreement on the merged project equals agreement on the combined example project, over the
    // six transcripts both coders coded.
    const fs::path combined = dir / "combined" / "hub.nptq";
    ASSERT_EQ(run_build_script(combined, dir / "combined.log"), 0) << read_bytes(dir / "combined.log");
    std::vector<std::string> docs_args;
    for (const auto& p : kCodedParticipants) docs_args.push_back(lower(p) + ".txt");
    auto agreement = [&](const fs::path& project, const std::string& extra) {
        std::vector<std::string> args = {"agreement", project.string(), "--coders", "Amira,Ben", "--json", "--docs"};
        args.insert(args.end(), docs_args.begin(), docs_args.end());
        if (!extra.empty()) args.push_back(extra);
        return cli_json(args);
    };
    nlohmann::json a = agreement(amira, ""), c = agreement(combined, "");
    EXPECT_EQ(a["overall"], c["overall"]);
    EXPECT_EQ(a["codes"], c["codes"]);
    // The construct confusion is interesting: the coders used different codes on some passages.
    nlohmann::json m = agreement(amira, "--confusion");
    EXPECT_EQ(m, agreement(combined, "--confusion"));
    std::int64_t diagonal = 0, off_diagonal = 0;
    const std::size_t n = m["codes"].size();
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y) (x == y ? diagonal : off_diagonal) += m["cells"][x][y].get<std::int64_t>();
    EXPECT_GT(diagonal, 0);
    EXPECT_GT(off_diagonal, 0);
}

}  // namespace
}  // namespace npt::test
