// pamir: the command-line entry point. Subcommands live in src/app/cmd_*.cpp.
#include "app/commands.hpp"

int main(int argc, char** argv) { return pamir::app::runMain(argc, argv); }
