// qdpx_codebook.cpp — a project's <CodeBook> copied into a .qdc document and read as one.
#include "importers/qdpx_codebook.hpp"

#include <pugixml.hpp>

#include <sstream>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace npt::importers {
namespace {

constexpr int kMaxDepth = 200;  // as import-qdpx

std::string local_name(const pugi::xml_node& node) {
    std::string n = node.name();
    auto colon = n.find(':');
    return colon == std::string::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child_named(const pugi::xml_node& node, const std::string& name) {
    for (pugi::xml_node child : node.children())
        if (child.type() == pugi::node_element && local_name(child) == name) return child;
    return {};
}

// The deepest nesting of elements under `node`, without recursion (hostile files nest deeply).
int depth_of(const pugi::xml_node& node) {
    int deepest = 0;
    std::vector<std::pair<pugi::xml_node, int>> stack{{node, 0}};
    while (!stack.empty()) {
        auto [n, d] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, d);
        for (pugi::xml_node c : n.children())
            if (c.type() == pugi::node_element) stack.push_back({c, d + 1});
    }
    return deepest;
}

}  // namespace

codebook::QdcImport read_qdpx_codebook(const std::filesystem::path& file, const QdpxLimits& limits) {
    QdpxPackage package = QdpxPackage::open(file, limits);
    const std::string& source = package.name();
    pugi::xml_document doc;
    const std::string& xml = package.qde();
    pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed) throw FormatError(source + ": project.qde is not XML (" + std::string(parsed.description()) + ")");
    pugi::xml_node root = doc.document_element();
    if (local_name(root) != "Project")
        throw FormatError(source + ": not a REFI-QDA project (the root element is <" + std::string(root.name()) + ">, not <Project>)");
    pugi::xml_node book = child_named(root, "CodeBook");
    if (!book) throw FormatError(source + ": the project has no <CodeBook> (no codes to import)");
    if (depth_of(book) > kMaxDepth + 2)  // Codes, one level per Code, then its Description
        throw FormatError(source + ": codes nested deeper than " + std::to_string(kMaxDepth) + " levels (refused)");

    pugi::xml_document qdc;
    pugi::xml_node top = qdc.append_child("CodeBook");
    top.append_attribute("xmlns") = "urn:QDA-XML:codebook:1.0";
    if (auto origin = root.attribute("origin")) top.append_attribute("origin") = origin.value();
    for (pugi::xml_node child : book.children()) top.append_copy(child);
    std::ostringstream out;
    qdc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return codebook::read_qdc(out.str(), source);
}

}  // namespace npt::importers
