"""The command line's help: what `stretchapp --help` says of each command and option."""

from __future__ import annotations

APP_HELP = "Timed, guided stretching routines. With no command, opens the app."
LIST_HELP = "list routines (or stretches) with their durations"
LIST_STRETCHES_HELP = "list the stretch catalogue"
LIST_JSON_HELP = "print JSON instead of a table"
VALIDATE_HELP = "check routine files; exit 1 on any error"
VALIDATE_PATH_HELP = "files or folders (default: the whole library, built-in and yours)"
SCHEMA_HELP = "print the JSON Schema of routine and catalogue files"
SCHEMA_OUTPUT_HELP = "write it to FILE"
NEW_HELP = "copy a routine into your folder under a new id"
NEW_ID_HELP = ("the new routine's id: lowercase letters, digits and dashes, at most 80 "
              "characters (like my-calf-routine)")
NEW_FROM_HELP = "the id of the routine to copy"
EXPORT_HELP = "write a routine (with its images and sounds) to one file to share"
EXPORT_ID_HELP = "the routine's id"
EXPORT_OUTPUT_HELP = "FILE.zip, or FILE.yaml when the routine needs no other file"
IMPORT_HELP = "add a shared routine (.yaml or .zip) to your folder"
IMPORT_OVERWRITE_HELP = "replace routines, stretches or files that already exist"
RUN_HELP = "open the app straight into a routine's player"
RUN_DESCRIPTION = "Open the app and start playing one routine at once."
RUN_ID_HELP = ("the id of the routine to play, as 'stretchapp list' shows it "
               "(for example calf-relief)")
HISTORY_HELP = "your streak, minutes per week and routines done"
HISTORY_CSV_HELP = "write every session as CSV"
HISTORY_OUTPUT_HELP = "with --csv: write to FILE"
DESKTOP_HELP = "add the app to the desktop's menus (or remove it)"


def home_help(variable: str) -> str:
    """--home's help, naming the environment variable that also sets it."""
    return (f"the folder for your routines, settings and history (default: ${variable}, "
            "or the platform's config folder)")
