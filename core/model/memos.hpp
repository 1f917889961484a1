// memos.hpp — memos on the project, a document, a code, a case or a coding.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

// Adds a memo (one action). target_id (a DocumentId, CodeId, CaseId or CodingId, as `target`
// says) is required for every target but Project.
Memo add_memo(Project& project, MemoTarget target, std::optional<MemoTargetId> target_id, const std::string& text,
              const std::string& title = "");
void update_memo(Project& project, MemoId memo_id, const std::string& text, const std::string& title);
void delete_memo(Project& project, MemoId memo_id);
Memo memo_by_id(Project& project, MemoId memo_id);  // NotFoundError
// Memos on one target (or all memos of a kind when target_id is empty), oldest first.
std::vector<Memo> list_memos(Project& project, std::optional<MemoTarget> target = std::nullopt,
                             std::optional<MemoTargetId> target_id = std::nullopt);

}  // namespace npt
