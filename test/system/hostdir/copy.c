/* copy SRC DST: copies a file in 100-byte pieces through stdio ("rb", "wb"), then reopens DST and prints
 * its size (fseek/ftell) and the sum of its bytes. */
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: copy SRC DST\n"); return 2; }
  FILE *in = fopen(argv[1], "rb");
  if (!in) { perror(argv[1]); return 1; }
  FILE *out = fopen(argv[2], "wb");
  if (!out) { perror(argv[2]); return 1; }
  unsigned char buf[100];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
    if (fwrite(buf, 1, n, out) != n) { perror("write"); return 1; }
  }
  fclose(in);
  fclose(out);
  FILE *check = fopen(argv[2], "rb");
  fseek(check, 0, SEEK_END);
  long size = ftell(check);
  rewind(check);
  unsigned long sum = 0;
  int c;
  while ((c = fgetc(check)) != EOF) sum += (unsigned)c;
  fclose(check);
  printf("size %ld sum %lu\n", size, sum);
  return 0;
}
