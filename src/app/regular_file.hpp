#pragma once
// Reading a file the analyst keeps (measurements, a session) without ever
// blocking or acting on a device: only a regular file is opened.
#include <string>

namespace pamir::app {

enum class FileRead { Ok, Missing, Failed };

/// A regular file, read whole into *bytes. Anything else is refused before
/// it is opened: opening a FIFO waits for a writer that may never come, and
/// opening some devices acts on them (a tape rewinds). Missing when nothing
/// is there; Failed with the reason in *why otherwise.
FileRead readRegularFile(const std::string& path, std::string* bytes, std::string* why);

}  // namespace pamir::app
