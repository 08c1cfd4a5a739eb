/* sh: read [-r] [-p PROMPT] NAME...: one line from standard input (a byte at a time, so the rest stays for
 * the next reader), split on IFS into the names, the last taking the rest of the line. Without -r a
 * backslash quotes the next character and backslash-newline continues the line. */
#include "sh.h"

int bi_read(int argc, char **argv) {
  int raw = 0, i = 1, eof = 0, nnames, k;
  struct str line = {0, 0, 0}, quoted = {0, 0, 0}; /* quoted: per character, escaped by a backslash */
  const char *ifs = var_get("IFS");
  char *text, *q;
  int pos = 0, len;
  if (!ifs) ifs = " \t\n";
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    if (!strcmp(argv[i], "--")) { i++; break; }
    if (!strcmp(argv[i], "-r")) raw = 1;
    else if (!strcmp(argv[i], "-p") && i + 1 < argc) {
      fputs(argv[++i], stderr);
      fflush(stderr);
    } else {
      sh_error("read: Illegal option %s", argv[i]);
      return 2;
    }
  }
  if (i >= argc) {
    sh_error("read: arg count");
    return 2;
  }
  for (;;) {
    char c;
    int n = (int)read(0, &c, 1);
    if (n < 0 && errno == EINTR) {
      if (trap_pending) { eof = 1; break; }
      continue;
    }
    if (n <= 0) {
      eof = 1;
      break;
    }
    if (c == '\n') break;
    if (c == '\\' && !raw) {
      n = (int)read(0, &c, 1);
      if (n <= 0) { eof = 1; break; }
      if (c == '\n') continue;
      str_addc(&line, c);
      str_addc(&quoted, 1);
      continue;
    }
    str_addc(&line, c);
    str_addc(&quoted, 0);
  }
  len = line.len;
  text = str_take(&line);
  q = str_take(&quoted);
  nnames = argc - i;
#define IS_IFS(j) (!q[j] && text[j] && strchr(ifs, text[j]))
#define IS_WS(j) (IS_IFS(j) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n'))
  for (k = 0; k < nnames; k++) {
    struct str field = {0, 0, 0};
    char *value;
    while (pos < len && IS_WS(pos)) pos++;
    if (k == nnames - 1) { /* the rest, less trailing IFS whitespace */
      int end = len;
      while (end > pos && IS_WS(end - 1)) end--;
      str_addn(&field, text + pos, end - pos);
      pos = len;
    } else {
      while (pos < len && !IS_IFS(pos)) str_addc(&field, text[pos++]);
      while (pos < len && IS_WS(pos)) pos++;
      if (pos < len && IS_IFS(pos)) pos++; /* one non-whitespace delimiter */
    }
    value = str_take(&field);
    if (var_set(argv[i + k], value, 0) < 0) {
      free(value);
      free(text);
      free(q);
      return 2;
    }
    free(value);
  }
  free(text);
  free(q);
  return eof ? 1 : 0;
}
