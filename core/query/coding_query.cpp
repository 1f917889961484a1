// coding_query.cpp — tokenising, parsing (recursive descent) and evaluating coding queries
// document by document over span sets.
#include "core/query/coding_query.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/query/coding_query_spans.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/text/text_breaks.hpp"
#include "core/text/utf8_text.hpp"

namespace npt {
namespace {

struct Token {
    enum class Kind { Open, Close, And, Or, Not, Near, SameTurn, Code, End };
    Kind kind;
    std::string text;       // Code: the path
    std::int64_t words = 0; // Near
    std::size_t at = 0;     // byte position in the query, for messages
};

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

class Tokeniser {
public:
    explicit Tokeniser(const std::string& q) : q_(q) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        std::optional<std::size_t> code_start;
        std::size_t code_end = 0;
        auto flush = [&] {
            if (code_start) out.push_back({Token::Kind::Code, q_.substr(*code_start, code_end - *code_start), 0, *code_start});
            code_start.reset();
        };
        std::size_t i = 0;
        while (i < q_.size()) {
            char c = q_[i];
            if (std::isspace(static_cast<unsigned char>(c))) {
                ++i;
                continue;
            }
            if (c == '(' || c == ')') {
                flush();
                out.push_back({c == '(' ? Token::Kind::Open : Token::Kind::Close, std::string(1, c), 0, i});
                ++i;
                continue;
            }
            if (c == '"') {
                flush();
                std::size_t close = q_.find('"', i + 1);
                if (close == std::string::npos) fail(i, "a quote is not closed");
                out.push_back({Token::Kind::Code, q_.substr(i + 1, close - i - 1), 0, i});
                i = close + 1;
                continue;
            }
            std::size_t j = i;
            while (j < q_.size() && !std::isspace(static_cast<unsigned char>(q_[j])) && q_[j] != '(' && q_[j] != ')' && q_[j] != '"') ++j;
            std::string word = q_.substr(i, j - i);
            std::optional<Token> op = operator_token(word, i, j);
            if (op) {
                flush();
                out.push_back(*op);
                i = next_;
            } else {
                if (!code_start) code_start = i;
                code_end = j;
                i = j;
            }
        }
        flush();
        out.push_back({Token::Kind::End, "", 0, q_.size()});
        return out;
    }

    [[noreturn]] void fail(std::size_t at, const std::string& problem) const {
        throw InputError("query '" + q_ + "': " + problem + " (at character " + std::to_string(at + 1) + ")");
    }

private:
    // The word after position `from`, and where it ends.
    std::pair<std::string, std::size_t> next_word(std::size_t from) const {
        std::size_t b = from;
        while (b < q_.size() && std::isspace(static_cast<unsigned char>(q_[b]))) ++b;
        std::size_t e = b;
        while (e < q_.size() && !std::isspace(static_cast<unsigned char>(q_[e])) && q_[e] != '(' && q_[e] != ')' && q_[e] != '"') ++e;
        return {q_.substr(b, e - b), e};
    }

    std::optional<Token> operator_token(const std::string& word, std::size_t at, std::size_t end) {
        next_ = end;
        if (word == "AND") return Token{Token::Kind::And, word, 0, at};
        if (word == "OR") return Token{Token::Kind::Or, word, 0, at};
        if (word == "NOT") return Token{Token::Kind::Not, word, 0, at};
        if (word == "SAMETURN") return Token{Token::Kind::SameTurn, word, 0, at};
        if (word == "SAME") {
            auto [w, e] = next_word(end);
            if (w != "TURN") return std::nullopt;
            next_ = e;
            return Token{Token::Kind::SameTurn, "SAME TURN", 0, at};
        }
        if (word == "NEAR" || word.rfind("NEAR/", 0) == 0) {
            std::string n = word.size() > 5 ? word.substr(5) : std::string();
            if (word == "NEAR") {
                auto [w, e] = next_word(end);
                n = w;
                next_ = e;
            }
            if (!all_digits(n) || n.size() > 9) fail(at, "NEAR needs a number of words, e.g. NEAR 5 or NEAR/5");
            return Token{Token::Kind::Near, word, std::stoll(n), at};
        }
        return std::nullopt;
    }

    const std::string& q_;
    std::size_t next_ = 0;
};

class Parser {
public:
    Parser(const std::string& q, std::vector<Token> tokens) : tok_(q), tokens_(std::move(tokens)) {}

    std::unique_ptr<QueryNode> parse() {
        auto node = parse_or();
        if (peek().kind != Token::Kind::End) tok_.fail(peek().at, "unexpected '" + peek().text + "'");
        return node;
    }

private:
    const Token& peek() const { return tokens_[pos_]; }
    const Token& take() { return tokens_[pos_++]; }

    static std::unique_ptr<QueryNode> binary(QueryNode::Kind kind, std::unique_ptr<QueryNode> l, std::unique_ptr<QueryNode> r,
                                             std::int64_t words = 0) {
        auto n = std::make_unique<QueryNode>();
        n->kind = kind;
        n->left = std::move(l);
        n->right = std::move(r);
        n->words = words;
        return n;
    }

    std::unique_ptr<QueryNode> parse_or() {
        auto left = parse_and();
        while (peek().kind == Token::Kind::Or) {
            take();
            left = binary(QueryNode::Kind::Or, std::move(left), parse_and());
        }
        return left;
    }
    std::unique_ptr<QueryNode> parse_and() {
        auto left = parse_near();
        while (peek().kind == Token::Kind::And) {
            take();
            left = binary(QueryNode::Kind::And, std::move(left), parse_near());
        }
        return left;
    }
    std::unique_ptr<QueryNode> parse_near() {
        auto left = parse_unary();
        while (peek().kind == Token::Kind::Near || peek().kind == Token::Kind::SameTurn) {
            const Token& op = take();
            auto kind = op.kind == Token::Kind::Near ? QueryNode::Kind::Near : QueryNode::Kind::SameTurn;
            left = binary(kind, std::move(left), parse_unary(), op.words);
        }
        return left;
    }
    std::unique_ptr<QueryNode> parse_unary() {
        const Token& t = take();
        switch (t.kind) {
            case Token::Kind::Not: {
                auto n = std::make_unique<QueryNode>();
                n->kind = QueryNode::Kind::Not;
                n->left = parse_unary();
                return n;
            }
            case Token::Kind::Open: {
                auto inner = parse_or();
                if (peek().kind != Token::Kind::Close) tok_.fail(peek().at, "a '(' is not closed");
                take();
                return inner;
            }
            case Token::Kind::Code: {
                auto n = std::make_unique<QueryNode>();
                n->code = t.text;
                return n;
            }
            case Token::Kind::End: tok_.fail(t.at, "the query ends where a code was expected");
            default: tok_.fail(t.at, "expected a code, NOT or '(' but found '" + t.text + "'");
        }
    }

    Tokeniser tok_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
};

void collect_codes(const QueryNode& n, std::vector<std::string>& out) {
    if (n.kind == QueryNode::Kind::Code) out.push_back(n.code);
    if (n.left) collect_codes(*n.left, out);
    if (n.right) collect_codes(*n.right, out);
}

// Everything evaluation needs about one document, loaded on first use.
class DocumentContext {
public:
    DocumentContext(Project& project, const DocumentInfo& info) : project_(project), info_(info) {}
    const DocumentInfo& info() const { return info_; }
    const std::vector<Span>& words() {
        if (!words_) words_ = text::words(document_text(project_, info_.id));
        return *words_;
    }
    const std::vector<SpeakerTurn>& turns() {
        if (!turns_) turns_ = speaker_turns(project_, info_.id);
        return *turns_;
    }

private:
    Project& project_;
    const DocumentInfo& info_;
    std::optional<std::vector<Span>> words_;
    std::optional<std::vector<SpeakerTurn>> turns_;
};

using CodeSpans = std::unordered_map<std::string, std::map<DocumentId, SpanSet>>;

SpanSet evaluate(const QueryNode& n, const CodeSpans& codes, DocumentContext& doc) {
    switch (n.kind) {
        case QueryNode::Kind::Code: {
            const auto& per_doc = codes.at(n.code);
            auto it = per_doc.find(doc.info().id);
            return it == per_doc.end() ? SpanSet{} : it->second;
        }
        case QueryNode::Kind::Not: return span_complement(evaluate(*n.left, codes, doc), doc.info().length);
        case QueryNode::Kind::And: {
            SpanSet l = evaluate(*n.left, codes, doc);
            if (l.empty()) return l;
            return span_intersection(l, evaluate(*n.right, codes, doc));
        }
        case QueryNode::Kind::Or: return span_union(evaluate(*n.left, codes, doc), evaluate(*n.right, codes, doc));
        case QueryNode::Kind::Near: {
            SpanSet l = evaluate(*n.left, codes, doc), r = evaluate(*n.right, codes, doc);
            if (l.empty() || r.empty()) return {};
            return span_near(l, r, n.words, doc.words());
        }
        case QueryNode::Kind::SameTurn: {
            SpanSet l = evaluate(*n.left, codes, doc), r = evaluate(*n.right, codes, doc);
            if (l.empty() || r.empty()) return {};
            return span_same_turn(l, r, doc.turns());
        }
    }
    return {};
}

}  // namespace

std::unique_ptr<QueryNode> parse_coding_query(const std::string& query) {
    Tokeniser tokeniser(query);
    auto tokens = tokeniser.run();
    return Parser(query, std::move(tokens)).parse();
}

std::string describe(const QueryNode& n) {
    // Built by appending (GCC 12 warns falsely on "(" + std::string&& at -O2).
    std::string out;
    auto binary = [&](const std::string& op) {
        out.append("(").append(describe(*n.left)).append(op).append(describe(*n.right)).append(")");
    };
    switch (n.kind) {
        case QueryNode::Kind::Code: out = n.code; break;
        case QueryNode::Kind::Not: out.append("(NOT ").append(describe(*n.left)).append(")"); break;
        case QueryNode::Kind::And: binary(" AND "); break;
        case QueryNode::Kind::Or: binary(" OR "); break;
        case QueryNode::Kind::Near: binary(" NEAR " + std::to_string(n.words) + " "); break;
        case QueryNode::Kind::SameTurn: binary(" SAME TURN "); break;
    }
    return out;
}

std::vector<QueryHit> run_coding_query(Project& project, const std::string& query, const QueryOptions& options) {
    auto root = parse_coding_query(query);
    auto scope = documents_in_scope(project, options.documents, options.cases, options.where);
    std::vector<CoderId> coder_ids;
    for (const auto& name : options.coders) coder_ids.push_back(require_coder(project, name).id);

    std::vector<std::string> paths;
    collect_codes(*root, paths);
    CodeSpans codes;
    for (const std::string& path : paths) {
        if (codes.count(path)) continue;
        Code c = require_code(project, path);
        std::vector<CodeId> ids = options.include_descendants ? code_and_descendants(project, c.id) : std::vector<CodeId>{c.id};
        codes.emplace(path, load_code_spans(project, ids, coder_ids, scope ? &*scope : nullptr));
    }

    std::vector<DocumentInfo> docs = list_documents(project);
    std::sort(docs.begin(), docs.end(), [](const DocumentInfo& a, const DocumentInfo& b) { return a.name < b.name; });
    std::vector<QueryHit> out;
    for (const DocumentInfo& info : docs) {
        if (scope && !scope->count(info.id)) continue;
        DocumentContext doc(project, info);
        SpanSet result = evaluate(*root, codes, doc);
        if (result.empty()) continue;
        std::string text = document_text(project, info.id);
        text::CodePointIndex index(text);
        for (const Span& s : result)
            out.push_back({info.id, info.name, s,
                           std::string(index.slice(static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.end)))});
    }
    return out;
}

}  // namespace npt
