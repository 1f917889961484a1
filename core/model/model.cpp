// model.cpp — names of the model's enumerations, as stored and as typed on the command line.
#include "core/model/model.hpp"

#include "core/error.hpp"

namespace npt {

const char* to_string(AttributeType type) {
    switch (type) {
        case AttributeType::Text: return "text";
        case AttributeType::Number: return "number";
        case AttributeType::Date: return "date";
        case AttributeType::Boolean: return "boolean";
    }
    return "text";
}

AttributeType attribute_type_from_string(const std::string& name) {
    if (name == "text") return AttributeType::Text;
    if (name == "number") return AttributeType::Number;
    if (name == "date") return AttributeType::Date;
    if (name == "boolean") return AttributeType::Boolean;
    throw InputError("unknown attribute type '" + name + "' (use text, number, date or boolean)");
}

const char* to_string(MemoTarget target) {
    switch (target) {
        case MemoTarget::Project: return "project";
        case MemoTarget::Document: return "document";
        case MemoTarget::Code: return "code";
        case MemoTarget::Case: return "case";
        case MemoTarget::Coding: return "coding";
    }
    return "project";
}

MemoTarget memo_target_from_string(const std::string& name) {
    if (name == "project") return MemoTarget::Project;
    if (name == "document" || name == "doc") return MemoTarget::Document;
    if (name == "code") return MemoTarget::Code;
    if (name == "case") return MemoTarget::Case;
    if (name == "coding" || name == "segment") return MemoTarget::Coding;
    throw InputError("unknown memo target '" + name + "' (use project, document, code, case or coding)");
}

}  // namespace npt
