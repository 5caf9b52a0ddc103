#pragma once
// `pamir measure A B` and `pamir ring CENTER --radius R`.
//
// An operand is a coordinate (decimal LAT,LON, DMS, MGRS, UTM), the name of
// a feature in the loaded data (case-, diacritic- and punctuation-
// insensitive; its name, alternative names or id field), a file holding one
// feature, or SOURCE#FID / SOURCE:LAYER#FID / LAYER#FID (FID the source's
// feature id, the value of the feature's "id" field, or its name).
#include <string>
#include <vector>

namespace pamir::app {

/// args exclude the program name and "measure". Exit 0, 1 (data), 2 (usage).
int runMeasureCommand(const std::vector<std::string>& args);
/// args exclude the program name and "ring".
int runRingCommand(const std::vector<std::string>& args);

/// Lower-case ASCII folding of a name for matching: diacritics removed
/// (Latin-1 and Latin Extended-A), apostrophes dropped, every other run of
/// punctuation or space made one space: "Gilgit-Baltistan" and
/// "gilgit baltistan" fold alike, as do "Murğob" and "MURGOB".
std::string foldName(const std::string& utf8);

}  // namespace pamir::app
