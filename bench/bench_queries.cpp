// bench_queries.cpp — retrieval, coding query, co-occurrence, matrix query and word frequency on a
// seeded synthetic study of 1,000 documents x 200,000 codings (bench/corpus), built once into a
// temporary project before the benchmarks run. Build Release to measure:
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DNPT_BUILD_GUI=OFF -DNPT_BUILD_TESTS=OFF
//   ninja -C build-rel bench_queries && build-rel/bench/bench_queries
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/model/cases.hpp"
#include "core/query/coding_counts.hpp"
#include "core/query/coding_query.hpp"
#include "core/query/cooccurrence.hpp"
#include "core/query/full_text_search.hpp"
#include "core/query/matrix_query.hpp"
#include "core/query/retrieval.hpp"
#include "core/query/word_frequency.hpp"
#include "corpus/synthetic_corpus.hpp"

namespace {

using namespace npt;

// Cases: one per document, with a "group" attribute of four values, as in a real study.
void add_cases(Project& project, const std::vector<DocumentId>& docs) {
    const char* groups[] = {"Hub staff", "Hub client", "Non-user", "Stakeholder"};
    project.action("Bench cases", [&] {
        Attribute group = ensure_attribute(project, "group", AttributeType::Text);
        for (std::size_t i = 0; i < docs.size(); ++i) {
            Case c = ensure_case(project, "P" + std::to_string(i));
            link_document_to_case(project, docs[i], c.id);
            set_case_value(project, c.id, group.id, groups[i % 4]);
        }
    });
}

template <class F>
void register_on(Project& project, const char* name, F f) {
    benchmark::RegisterBenchmark(name, [&project, f](benchmark::State& state) {
        std::size_t items = 0;
        for (auto _ : state) items = f(project);
        state.counters["results"] = static_cast<double>(items);
    })->Unit(benchmark::kMillisecond)->MinTime(2.0);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    auto dir = std::filesystem::temp_directory_path() / ("nptcoder-bench-queries-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        auto t0 = std::chrono::steady_clock::now();
        bench::CorpusSpec spec;
        spec.documents = 1000;
        spec.words_per_document = 2000;
        spec.codings = 200000;
        spec.coders = 3;
        Project project = Project::create(dir / "bench.nptq", "Query bench");
        auto corpus = bench::make_corpus(spec);
        auto docs = bench::load_corpus(project, corpus);
        add_cases(project, docs);
        std::int64_t stored = coding_counts(project).total;
        std::fprintf(stderr, "corpus: %zu documents, %zu MB, %lld codings stored (after the coding rule), built in %.1f s\n",
                     corpus.documents.size(), corpus.total_bytes() >> 20, static_cast<long long>(stored),
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());

        register_on(project, "retrieve/one component (code list --code C/D)", [](Project& p) {
            RetrievalFilter f;
            f.segments.codes = {"Coherence/Differentiation"};
            return retrieve_segments(p, f).size();
        });
        register_on(project, "retrieve/construct+descendants, where, context 40", [](Project& p) {
            RetrievalFilter f;
            f.segments.codes = {"Collective action"};
            f.segments.include_descendants = true;
            f.where = {parse_attribute_condition("group=Hub client")};
            f.context = 40;
            return retrieve_segments(p, f).size();
        });
        register_on(project, "query/Coherence AND NOT Collective action", [](Project& p) {
            return run_coding_query(p, "Coherence AND NOT Collective action").size();
        });
        register_on(project, "query/Legitimation NEAR 10 Contextual integration", [](Project& p) {
            return run_coding_query(p, "Cognitive participation/Legitimation NEAR 10 Collective action/Contextual integration").size();
        });
        register_on(project, "cooccurrence/all codes, all coders", [](Project& p) {
            return code_cooccurrence(p).codes.size();
        });
        register_on(project, "cooccurrence/all codes, one coder", [](Project& p) {
            CooccurrenceOptions o;
            o.coders = {"Coder A"};
            return code_cooccurrence(p, o).codes.size();
        });
        register_on(project, "matrix-query/cases x all codes, segments", [](Project& p) {
            return matrix_query(p).rows.size();
        });
        register_on(project, "matrix-query/group x constructs+desc, cases", [](Project& p) {
            MatrixQueryOptions o;
            o.rows = "group";
            o.count = MatrixCount::Cases;
            o.codes = {"Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"};
            o.include_descendants = true;
            return matrix_query(p, o).rows.size();
        });
        register_on(project, "matrix-query/group x constructs+desc, words", [](Project& p) {
            MatrixQueryOptions o;
            o.rows = "group";
            o.count = MatrixCount::Words;
            o.codes = {"Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"};
            o.include_descendants = true;
            return matrix_query(p, o).rows.size();
        });
        register_on(project, "words/one component, stop words out", [](Project& p) {
            WordFrequencyOptions o;
            o.segments.codes = {"Reflexive monitoring/Reconfiguration"};
            o.skip_stop_words = true;
            return word_frequency(p, o).size();
        });
        register_on(project, "search/\"waiting list\" (FTS5 + offsets)", [](Project& p) {
            return search_documents(p, "waiting list").size();
        });
        benchmark::RunSpecifiedBenchmarks();
    }
    benchmark::Shutdown();
    std::filesystem::remove_all(dir);
    return 0;
}
