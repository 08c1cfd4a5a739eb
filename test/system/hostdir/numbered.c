/* Reads input.txt, writes out.txt: each line numbered and upper-cased. Prints the counts on stdout. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  FILE *in = fopen("input.txt", "r");
  if (!in) { perror("input.txt"); return 1; }
  FILE *out = fopen("out.txt", "w");
  if (!out) { perror("out.txt"); return 1; }
  char line[256];
  int lines = 0, chars = 0;
  while (fgets(line, sizeof line, in)) {
    lines++;
    for (char *p = line; *p; p++) { *p = (char)toupper((unsigned char)*p); chars++; }
    fprintf(out, "%3d: %s", lines, line);
  }
  fclose(in);
  if (fclose(out) != 0) { perror("out.txt"); return 1; }
  printf("%d lines, %d characters\n", lines, chars);
  return 0;
}
