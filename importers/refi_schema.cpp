// refi_schema.cpp — XML Schema validation of REFI-QDA files with libxml2.
#include "importers/refi_schema.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace npt::importers {
namespace {

struct Collector {
    SchemaCheck* check;
    std::size_t max;
};

void on_error(void* user, xmlErrorPtr error) {
    auto* c = static_cast<Collector*>(user);
    ++c->check->error_count;
    if (c->check->errors.size() >= c->max || !error || !error->message) return;
    std::string message = error->message;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    c->check->errors.push_back("line " + std::to_string(error->line) + ": " + message);
}

}  // namespace

SchemaCheck validate_refi_xml(std::string_view xml, RefiSchema schema, std::size_t max_errors) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    SchemaCheck check;
    Collector collector{&check, max_errors};
    const char* xsd = schema == RefiSchema::Project ? project_xsd_text() : codebook_xsd_text();
    std::unique_ptr<xmlSchemaParserCtxt, void (*)(xmlSchemaParserCtxtPtr)> parser(
        xmlSchemaNewMemParserCtxt(xsd, static_cast<int>(std::strlen(xsd))), xmlSchemaFreeParserCtxt);
    std::unique_ptr<xmlSchema, void (*)(xmlSchemaPtr)> compiled(parser ? xmlSchemaParse(parser.get()) : nullptr, xmlSchemaFree);
    if (!compiled) {
        check.errors.push_back("the built-in schema could not be compiled");
        return check;
    }
    std::unique_ptr<xmlSchemaValidCtxt, void (*)(xmlSchemaValidCtxtPtr)> validator(xmlSchemaNewValidCtxt(compiled.get()),
                                                                                   xmlSchemaFreeValidCtxt);
    xmlSchemaSetValidStructuredErrors(validator.get(), on_error, &collector);
    // No DTD loading, no entity substitution, no network: a hostile file cannot expand or fetch.
    int options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR;
    std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
        xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "project.qde", nullptr, options), xmlFreeDoc);
    if (!doc) {
        check.error_count = 1;
        check.errors.push_back("not well-formed XML");
        return check;
    }
    int result = xmlSchemaValidateDoc(validator.get(), doc.get());
    check.valid = result == 0;
    if (result > 0 && check.error_count == 0) check.error_count = 1;
    return check;
}

}  // namespace npt::importers
