/* C colouring. Each byte of a line gets a class: comments (// and block comments, which may run over lines:
 * a line records whether it ends inside one, and the next line starts from that), preprocessor lines,
 * strings and character constants (with backslash escapes), numbers, keywords and type names. A change
 * recolours its line, then the following lines only while their starting state changed. */
#include <ctype.h>
#include <string.h>
#include "edit.h"

static const char *const KEYWORDS[] = {
  "break", "case", "continue", "default", "do", "else", "enum", "extern", "for", "goto", "if", "inline",
  "register", "restrict", "return", "sizeof", "static", "struct", "switch", "typedef", "union", "volatile",
  "while", "_Alignas", "_Alignof", "_Generic", "_Noreturn", "_Static_assert", "_Thread_local", NULL
};

static const char *const TYPES[] = {
  "char", "const", "double", "float", "int", "long", "short", "signed", "unsigned", "void", "_Bool", "_Complex",
  "bool", "size_t", "ssize_t", "ptrdiff_t", "intptr_t", "uintptr_t", "int8_t", "int16_t", "int32_t", "int64_t",
  "uint8_t", "uint16_t", "uint32_t", "uint64_t", "off_t", "pid_t", "FILE", NULL
};

static int is_word(int c) { return isalnum(c) || c == '_'; }

/* The class of the identifier s[0..n) : keyword, type or normal. */
static int in_list(const char *const *list, const char *s, int n) {
  int i;
  /* the first byte and the terminating NUL reject almost every entry before a full compare */
  for (i = 0; list[i]; i++) {
    if (list[i][0] == s[0] && strncmp(list[i], s, (size_t)n) == 0 && list[i][n] == 0) return 1;
  }
  return 0;
}

static int word_class(const char *s, int n) {
  if (n < 2 || n > 14) return HL_NORMAL;   /* the lists' shortest and longest names */
  if (in_list(KEYWORDS, s, n)) return HL_KEYWORD;
  if (in_list(TYPES, s, n)) return HL_TYPE;
  return HL_NORMAL;
}

/* Colours line l, which starts inside a block comment when `in_comment`; returns whether it ends inside one. */
static int colour_line(struct line *l, int in_comment) {
  const char *s = l->chars;
  unsigned char *hl = l->hl;
  int n = l->len, i = 0, j;
  memset(hl, HL_NORMAL, (size_t)n);
  if (!in_comment) {
    for (j = 0; j < n && (s[j] == ' ' || s[j] == '\t'); j++) {}
    if (j < n && s[j] == '#') {
      /* a preprocessor line, up to a comment that starts in it */
      for (i = j; i < n && !(s[i] == '/' && i + 1 < n && (s[i + 1] == '/' || s[i + 1] == '*')); i++) hl[i] = HL_PREPROC;
    }
  }
  while (i < n) {
    int c = (unsigned char)s[i];
    if (in_comment) {
      hl[i] = HL_COMMENT;
      if (c == '*' && i + 1 < n && s[i + 1] == '/') {
        hl[i + 1] = HL_COMMENT;
        i += 2;
        in_comment = 0;
      } else {
        i++;
      }
    } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
      memset(hl + i, HL_COMMENT, (size_t)(n - i));
      break;
    } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
      hl[i] = hl[i + 1] = HL_COMMENT;
      i += 2;
      in_comment = 1;
    } else if (c == '"' || c == '\'') {
      int cls = c == '"' ? HL_STRING : HL_CHAR;
      hl[i++] = (unsigned char)cls;
      while (i < n) {
        hl[i] = (unsigned char)cls;
        if (s[i] == '\\' && i + 1 < n) hl[++i] = (unsigned char)cls;
        else if (s[i] == c) { i++; break; }
        i++;
      }
    } else if (isdigit(c) || (c == '.' && i + 1 < n && isdigit((unsigned char)s[i + 1]))) {
      if (i > 0 && is_word((unsigned char)s[i - 1])) { i++; continue; }
      while (i < n && (is_word((unsigned char)s[i]) || s[i] == '.')) hl[i++] = HL_NUMBER;
    } else if (is_word(c)) {
      int cls;
      for (j = i; j < n && is_word((unsigned char)s[j]); j++) {}
      cls = word_class(s + i, j - i);
      memset(hl + i, cls, (size_t)(j - i));
      i = j;
    } else {
      i++;
    }
  }
  return in_comment;
}

void syntax_update(struct text *t, int y) {
  for (; y < t->nlines; y++) {
    struct line *l = &t->lines[y];
    int start = y > 0 ? t->lines[y - 1].open_comment : 0;
    if (!t->colour_c) {
      memset(l->hl, HL_NORMAL, (size_t)l->len);
      return;
    }
    l->starts_in_comment = start;
    l->open_comment = colour_line(l, start);
    /* the next line needs colouring again only when it was coloured from another state */
    if (y + 1 < t->nlines && t->lines[y + 1].starts_in_comment == l->open_comment) return;
  }
}

void syntax_all(struct text *t) {
  int y;
  for (y = 0; y < t->nlines; y++) {
    struct line *l = &t->lines[y];
    l->starts_in_comment = y > 0 ? t->lines[y - 1].open_comment : 0;
    if (t->colour_c) l->open_comment = colour_line(l, l->starts_in_comment);
    else memset(l->hl, HL_NORMAL, (size_t)l->len);
  }
}

int syntax_colour(int hl) {
  switch (hl) {
    case HL_COMMENT: return 36;   /* cyan */
    case HL_KEYWORD: return 33;   /* yellow */
    case HL_TYPE: return 32;      /* green */
    case HL_STRING: return 35;    /* magenta */
    case HL_CHAR: return 35;
    case HL_NUMBER: return 31;    /* red */
    case HL_PREPROC: return 34;   /* blue */
    default: return 0;
  }
}
