// writeup_views.hpp — the write-up windows in one place the App owns: the framework matrix
// editor, cases and attributes, queries that code, and charts; and the Write-up menu that opens
// them. Each view draws and dispatches only; the work runs through core functions (see each
// view's header).
#pragma once
#include <memory>

namespace npt::gui {

class App;
class MatrixView;
class CasesView;
class QueryView;
class ChartsView;

class WriteUpViews {
public:
    WriteUpViews();
    ~WriteUpViews();
    WriteUpViews(const WriteUpViews&) = delete;
    WriteUpViews& operator=(const WriteUpViews&) = delete;

    void draw_menu(App& app);  // the Write-up menu, inside the menu bar
    void poll(App& app);       // every frame, before drawing: workers' results
    void draw(App& app);       // the windows, top level
    bool busy() const;         // a worker runs: the main loop keeps drawing

    MatrixView& matrix() { return *matrix_; }
    CasesView& cases() { return *cases_; }
    QueryView& query() { return *query_; }
    ChartsView& charts() { return *charts_; }

private:
    std::unique_ptr<MatrixView> matrix_;
    std::unique_ptr<CasesView> cases_;
    std::unique_ptr<QueryView> query_;
    std::unique_ptr<ChartsView> charts_;
};

}  // namespace npt::gui
