// typed_id.hpp — one distinct type per kind of row id (DocumentId, CodeId, CoderId, ...), so that
// passing a code's id where a document's is expected, or a bare integer where any id is expected,
// does not compile. Each wraps the SQLite rowid; only the core's SQL binding and reading see the
// raw value (`.value`, `sqlite::Statement::id<T>()`). Ids compare, order and hash like their
// values, and print (ostream, std::to_string-style `to_string`, JSON) as the bare number.
#pragma once
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace npt {

template <class Tag>
struct TypedId {
    std::int64_t value = 0;  // the SQLite rowid; 0 = no row (rowids start at 1)

    constexpr TypedId() = default;
    constexpr explicit TypedId(std::int64_t raw) : value(raw) {}

    friend constexpr bool operator==(TypedId, TypedId) = default;
    friend constexpr auto operator<=>(TypedId, TypedId) = default;
};

template <class Tag>
std::ostream& operator<<(std::ostream& out, TypedId<Tag> id) {
    return out << id.value;
}

template <class Tag>
std::string to_string(TypedId<Tag> id) {
    return std::to_string(id.value);
}

// nlohmann::json finds these by argument-dependent lookup: an id is written and read as its number.
template <class Json, class Tag>
void to_json(Json& json, TypedId<Tag> id) {
    json = id.value;
}
template <class Json, class Tag>
void from_json(const Json& json, TypedId<Tag>& id) {
    id.value = json.template get<std::int64_t>();
}

using DocumentId = TypedId<struct DocumentTag>;
using CodeId = TypedId<struct CodeTag>;
using CoderId = TypedId<struct CoderTag>;
using CaseId = TypedId<struct CaseTag>;
using AttributeId = TypedId<struct AttributeTag>;
using CodingId = TypedId<struct CodingTag>;
using MemoId = TypedId<struct MemoTag>;
using MatrixId = TypedId<struct MatrixTag>;
using MatrixLinkId = TypedId<struct MatrixLinkTag>;
using EventId = TypedId<struct EventTag>;
using UndoStepId = TypedId<struct UndoStepTag>;
using ReconcileDecisionId = TypedId<struct ReconcileDecisionTag>;

}  // namespace npt

template <class Tag>
struct std::hash<npt::TypedId<Tag>> {
    std::size_t operator()(npt::TypedId<Tag> id) const noexcept { return std::hash<std::int64_t>{}(id.value); }
};
