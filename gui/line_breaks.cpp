// line_breaks.cpp — ICU line BreakIterator over UTF-8 text.
#include "gui/line_breaks.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string>

#include "core/error.hpp"

namespace npt::gui {

struct LineBreaker::Impl {
    std::unique_ptr<icu::BreakIterator> iter;
    UText* text = nullptr;
    std::vector<std::size_t> breaks;
    ~Impl() {
        if (text) utext_close(text);
    }
};

LineBreaker::LineBreaker() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->iter.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw Error(std::string("ICU line break iterator: ") + u_errorName(status));
}

LineBreaker::~LineBreaker() = default;

const std::vector<std::size_t>& LineBreaker::opportunities(std::string_view utf8) {
    impl_->breaks.clear();
    if (utf8.empty()) return impl_->breaks;
    UErrorCode status = U_ZERO_ERROR;
    impl_->text = utext_openUTF8(impl_->text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw Error(std::string("ICU line break text: ") + u_errorName(status));
    impl_->iter->setText(impl_->text, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU line break text: ") + u_errorName(status));
    for (int32_t b = impl_->iter->next(); b != icu::BreakIterator::DONE; b = impl_->iter->next())
        if (b > 0) impl_->breaks.push_back(static_cast<std::size_t>(b));
    if (impl_->breaks.empty() || impl_->breaks.back() != utf8.size()) impl_->breaks.push_back(utf8.size());
    return impl_->breaks;
}

}  // namespace npt::gui
