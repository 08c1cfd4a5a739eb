/* sh's line editor: reading a command line with editing, history and Tab completion when stdin is a terminal.
 *   editing    Left/Right (and Ctrl-B/F), Home/End (ESC[H ESC[F, ESC[1~ ESC[4~, ESC OH ESC OF, Ctrl-A/E),
 *              Backspace, Delete (ESC[3~), Ctrl-K (to the end), Ctrl-U (to the start), Ctrl-W (the word before),
 *              Ctrl-L (clear the screen), Ctrl-D (end of input on an empty line, else delete), Ctrl-C (abandon the
 *              line: a new prompt); lines wider than the terminal wrap and redraw correctly
 *   history    Up/Down (and Ctrl-P/N) walk it; kept in $HOME/.sh_history (HOME=/home on Pagoda)
 *   completion Tab completes the first word from the commands given and the executables in $PATH, other words
 *              as paths; with several matches the common prefix, and a second Tab lists them
 * When stdin is not a terminal lines are read plainly, a byte at a time (nothing past the newline is taken). */
#ifndef PAGODA_SH_LINEEDIT_H
#define PAGODA_SH_LINEEDIT_H

/* Writes `prompt` (if not NULL) and reads one line. Returns it without its newline, in a buffer the editor
 * owns until the next call, or NULL at the end of input. */
char *lineedit_read(const char *prompt);

/* The commands Tab offers besides $PATH's executables (the shell's builtins): a NULL-terminated list that
 * must stay valid. */
void lineedit_set_commands(const char *const *names);

/* History. load: reads `path` (NULL: $HOME/.sh_history) and appends every later addition to it; 0, or -1
 * when the file cannot be read (it is still used for additions). add: a line to recall (empty lines and a
 * repeat of the previous one are not kept). save: writes the whole history to `path` (NULL: the loaded
 * file). print: numbered, as bash's `history`. */
int lineedit_history_load(const char *path);
void lineedit_history_add(const char *line);
int lineedit_history_save(const char *path);
void lineedit_history_print(void);

/* Internal to the editor (history.c, complete.c). */
int lineedit_history_count(void);
const char *lineedit_history_get(int i);
/* The completions of the word ending at `pos` of `buf`: fills *start (where the word begins) and returns a
 * sorted, NULL-terminated malloc'd array of malloc'd candidates (directories end in '/'), or NULL. */
char **lineedit_complete(const char *buf, int pos, int *start);
void lineedit_free_list(char **list);
#endif
