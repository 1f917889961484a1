// error.hpp — the exception types the core throws. The CLI and GUI catch npt::Error at their edge
// and show what() as a single line; the core itself never prints or shows dialogs.
#pragma once
#include <stdexcept>
#include <utility>
#include <string>

namespace npt {

// Base of every error the core reports. what() is one line naming the input and the problem, in
// the core's words: it names things ("overlap 1.5"), never a command-line option or a GUI control.
// about() says which field of the request the error is about ("overlap", "max_size"), so that an
// edge can point at its own control for it: the CLI adds the option ("(--overlap)") the way
// with_origin adds a location (cli/option_hints.hpp).
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what, std::string about = {})
        : std::runtime_error(what), about_(std::move(about)) {}
    const std::string& about() const { return about_; }

private:
    std::string about_;
};

// The user's input is wrong: an unknown code or coder, invalid offsets, a bad option value.
class InputError : public Error {
public:
    using Error::Error;
};

// A file could not be read as what it claims to be: corrupt zip, invalid UTF-8, not a project.
class FormatError : public Error {
public:
    using Error::Error;
};

// The project store failed: SQLite error, disk full, locked beyond the busy timeout.
class StoreError : public Error {
public:
    explicit StoreError(const std::string& what, int sqlite_code = 0) : Error(what), sqlite_code_(sqlite_code) {}
    // SQLite's extended result code (SQLITE_FULL, SQLITE_BUSY_TIMEOUT...); 0 when not from SQLite.
    int sqlite_code() const { return sqlite_code_; }

private:
    int sqlite_code_;
};

// Writing a file to disk failed (disk full, no permission, an I/O error) after its input was fine.
class WriteError : public Error {
public:
    using Error::Error;
};

// A name the user gave does not exist in the project (document, code, coder, case, matrix).
class NotFoundError : public InputError {
public:
    using InputError::InputError;
};

}  // namespace npt
