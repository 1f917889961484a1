// fuzz_calls.hpp — the parser call behind each fuzz target, shared by the libFuzzer targets
// (fuzz_<name>.cpp) and by the normal test suite, which replays every input saved in
// tests/data/fuzz-regressions/<name>/ through the same call (tests/importers/test_fuzz_regressions.cpp).
// A call may fail only with npt::Error; the caller decides what else means a bug.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "codebook/codebook.hpp"
#include "codebook/refi_codebook.hpp"
#include "core/agreement/reliability.hpp"
#include "core/agreement/reliability_table.hpp"
#include "core/error.hpp"
#include "core/model/refi_report.hpp"
#include "importers/cases_csv_importer.hpp"
#include "importers/formats.hpp"
#include "importers/qdpx_reader.hpp"
#include "importers/text_decoding.hpp"

namespace npt::fuzz {

inline std::uint32_t crc32(std::string_view data) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A zip holding one stored (uncompressed) entry, built by hand: local header, data, central
// directory, end record.
inline std::string stored_zip(const std::string& name, std::string_view data) {
    auto put16 = [](std::string& s, std::uint32_t v) { s += static_cast<char>(v & 0xFF), s += static_cast<char>((v >> 8) & 0xFF); };
    auto put32 = [&](std::string& s, std::uint32_t v) { put16(s, v & 0xFFFF), put16(s, v >> 16); };
    const auto size = static_cast<std::uint32_t>(data.size()), name_size = static_cast<std::uint32_t>(name.size());
    const std::uint32_t crc = crc32(data);
    std::string local, central, end;
    put32(local, 0x04034b50), put16(local, 20), put16(local, 0), put16(local, 0), put16(local, 0), put16(local, 0);
    put32(local, crc), put32(local, size), put32(local, size), put16(local, name_size), put16(local, 0);
    local += name;
    put32(central, 0x02014b50), put16(central, 20), put16(central, 20), put16(central, 0), put16(central, 0);
    put16(central, 0), put16(central, 0), put32(central, crc), put32(central, size), put32(central, size);
    put16(central, name_size), put16(central, 0), put16(central, 0), put16(central, 0), put16(central, 0);
    put32(central, 0), put32(central, 0);
    central += name;
    put32(end, 0x06054b50), put16(end, 0), put16(end, 0), put16(end, 1), put16(end, 1);
    put32(end, static_cast<std::uint32_t>(central.size())), put32(end, static_cast<std::uint32_t>(local.size()) + size), put16(end, 0);
    return local + std::string(data) + central + end;
}

// The fuzz targets, by name (fuzz_<name>).
inline constexpr std::array<std::string_view, 11> kTargets = {
    "text_decoder", "plain_text", "vtt", "srt", "docx_zip", "docx_xml", "cases_csv",
    "codebook_json", "qdc", "qdpx_qde", "agreement_table"};

// Runs target `name`'s parser on `input`. Returns false for an unknown name.
inline bool call_parser(std::string_view name, std::string_view input) {
    using namespace npt::importers;
    const bool odd = !input.empty() && (input[0] & 1);
    if (name == "text_decoder") decode_text(input, "fuzz.txt", "", odd);
    else if (name == "plain_text") parse_plain_text(input, "fuzz.txt", {});
    else if (name == "vtt") parse_vtt(input, "fuzz.vtt", {});
    else if (name == "srt") parse_srt(input, "fuzz.srt", {});
    else if (name == "docx_zip") parse_docx(input, "fuzz.docx", {});
    else if (name == "docx_xml") parse_docx(stored_zip("word/document.xml", input), "fuzz.docx", {});
    else if (name == "cases_csv") parse_cases_csv(input, "fuzz.csv");
    else if (name == "codebook_json") codebook::codebook_to_json(codebook::parse_codebook_json(input, "fuzz.json"));
    else if (name == "qdc") {
        codebook::QdcImport read = codebook::read_qdc(input, "fuzz.qdc");
        if (!read.codebook.codes.empty()) codebook::write_qdc(read.codebook, "fuzz");
    } else if (name == "qdpx_qde") {
        RefiReport report;
        read_project_qde(input, "fuzz.qde", report);
    } else if (name == "agreement_table") {
        auto level = static_cast<agreement::Level>(input.empty() ? 0 : static_cast<unsigned char>(input[0]) % 4);
        auto table = agreement::parse_reliability_table(input, "fuzz.csv", level, {});
        agreement::compute_reliability(table.data, {level, 0, 1});
    } else {
        return false;
    }
    return true;
}

}  // namespace npt::fuzz
