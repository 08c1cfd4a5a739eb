/* lzw: an LZW compressor and decompressor with variable-width codes (9 to 12 bits), as `compress` does.
 *
 *   lzw c IN OUT     compress IN into OUT (a 4-byte magic "LZW1", the original size, then the code stream)
 *   lzw d IN OUT     decompress
 *   lzw t IN...      round trip each IN through IN.lzw and IN.back, print sizes and CRC-32s, verify
 * The dictionary is a hash table keyed by (prefix code, next byte); when it fills, a CLEAR code resets it.
 * Codes are packed least-significant bit first. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MIN_BITS = 9, MAX_BITS = 12, CLEAR = 256, STOP = 257, FIRST_FREE = 258 };
#define MAX_CODES (1 << MAX_BITS)
#define HASH_SIZE 5021 /* a prime comfortably above MAX_CODES */

typedef struct { uint8_t *data; size_t len, cap; } Buffer;

static void buf_put(Buffer *b, uint8_t byte) {
  if (b->len == b->cap) {
    b->cap = b->cap ? b->cap * 2 : 256;
    b->data = realloc(b->data, b->cap);
    if (!b->data) { fputs("out of memory\n", stderr); exit(2); }
  }
  b->data[b->len++] = byte;
}

/* Bit packer: codes of `width` bits appended LSB first. */
typedef struct { Buffer *out; uint32_t acc; int nbits; } BitWriter;

static void bits_put(BitWriter *w, unsigned code, int width) {
  w->acc |= (uint32_t)code << w->nbits;
  w->nbits += width;
  while (w->nbits >= 8) { buf_put(w->out, (uint8_t)w->acc); w->acc >>= 8; w->nbits -= 8; }
}

static void bits_flush(BitWriter *w) {
  if (w->nbits > 0) buf_put(w->out, (uint8_t)w->acc);
  w->acc = 0;
  w->nbits = 0;
}

typedef struct { const uint8_t *data; size_t len, pos; uint32_t acc; int nbits; } BitReader;

/* The next code, or -1 at the end of the input. */
static int bits_get(BitReader *r, int width) {
  while (r->nbits < width) {
    if (r->pos >= r->len) return -1;
    r->acc |= (uint32_t)r->data[r->pos++] << r->nbits;
    r->nbits += 8;
  }
  int code = (int)(r->acc & ((1u << width) - 1));
  r->acc >>= width;
  r->nbits -= width;
  return code;
}

/* Compressor dictionary: open addressing on (prefix, byte). */
typedef struct {
  int32_t key[HASH_SIZE];   /* prefix << 8 | byte, or -1 when empty */
  int16_t code[HASH_SIZE];
} Dict;

static void dict_clear(Dict *d) { memset(d->key, 0xff, sizeof d->key); }

static int dict_slot(const Dict *d, int32_t key) {
  unsigned h = ((unsigned)key * 2654435761u) % HASH_SIZE;
  while (d->key[h] != -1 && d->key[h] != key) h = (h + 1) % HASH_SIZE;
  return (int)h;
}

static void put_u32(Buffer *b, uint32_t v) {
  for (int i = 0; i < 4; i++) buf_put(b, (uint8_t)(v >> (8 * i)));
}

static void compress(const uint8_t *in, size_t n, Buffer *out) {
  static Dict dict;
  static const char magic[4] = "LZW1";  /* no terminating NUL: exactly four bytes */
  for (int i = 0; i < 4; i++) buf_put(out, (uint8_t)magic[i]);
  put_u32(out, (uint32_t)n);
  BitWriter w = { out, 0, 0 };
  dict_clear(&dict);
  int next_code = FIRST_FREE, width = MIN_BITS;
  if (n == 0) { bits_put(&w, STOP, width); bits_flush(&w); return; }
  int prefix = in[0];
  for (size_t i = 1; i < n; i++) {
    uint8_t c = in[i];
    int32_t key = (int32_t)prefix << 8 | c;
    int slot = dict_slot(&dict, key);
    if (dict.key[slot] == key) { prefix = dict.code[slot]; continue; }
    bits_put(&w, (unsigned)prefix, width);
    if (next_code < MAX_CODES) {
      dict.key[slot] = key;
      dict.code[slot] = (int16_t)next_code++;
      if (next_code > (1 << width) && width < MAX_BITS) width++;
    } else {
      bits_put(&w, CLEAR, width);
      dict_clear(&dict);
      next_code = FIRST_FREE;
      width = MIN_BITS;
    }
    prefix = c;
  }
  bits_put(&w, (unsigned)prefix, width);
  if (next_code < MAX_CODES && ++next_code > (1 << width) && width < MAX_BITS) width++;
  bits_put(&w, STOP, width);
  bits_flush(&w);
}

/* Returns 0, or -1 with a message for a corrupt stream. */
static int decompress(const uint8_t *in, size_t n, Buffer *out, const char **why) {
  static uint16_t prefix[MAX_CODES];
  static uint8_t suffix[MAX_CODES], first[MAX_CODES];
  static uint8_t stack[MAX_CODES];
  if (n < 8 || memcmp(in, "LZW1", 4) != 0) { *why = "not an LZW1 stream"; return -1; }
  uint32_t expect = (uint32_t)in[4] | (uint32_t)in[5] << 8 | (uint32_t)in[6] << 16 | (uint32_t)in[7] << 24;
  BitReader r = { in + 8, n - 8, 0, 0, 0 };
  for (int i = 0; i < 256; i++) { suffix[i] = (uint8_t)i; first[i] = (uint8_t)i; }
  int next_code = FIRST_FREE, width = MIN_BITS, prev = -1;
  for (;;) {
    int code = bits_get(&r, width);
    if (code < 0) { *why = "truncated stream"; return -1; }
    if (code == STOP) break;
    if (code == CLEAR) { next_code = FIRST_FREE; width = MIN_BITS; prev = -1; continue; }
    int cur = code, sp = 0;
    if (code > next_code || (code == next_code && prev < 0) || (code >= FIRST_FREE - 2 && code < FIRST_FREE)) {
      *why = "bad code";
      return -1;
    }
    if (code == next_code) {             /* the KwKwK case: prev's string plus its first byte */
      stack[sp++] = first[prev];
      cur = prev;
    }
    while (cur >= 256) { stack[sp++] = suffix[cur]; cur = prefix[cur]; }
    stack[sp++] = (uint8_t)cur;
    while (sp > 0) buf_put(out, stack[--sp]);
    if (prev >= 0 && next_code < MAX_CODES) {
      prefix[next_code] = (uint16_t)prev;
      suffix[next_code] = (uint8_t)cur;   /* first byte of the current string */
      first[next_code] = first[prev];
      next_code++;
    }
    if (next_code + (prev >= 0 ? 1 : 0) > (1 << width) && width < MAX_BITS) width++;
    prev = code;
  }
  if (out->len != expect) { *why = "length mismatch"; return -1; }
  return 0;
}

static uint32_t crc_table[256];

static void crc_init(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = c;
  }
}

static uint32_t crc32(const uint8_t *p, size_t n) {
  uint32_t c = 0xffffffffu;
  while (n--) c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

static int read_all(const char *path, Buffer *b) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); return -1; }
  uint8_t chunk[512];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    for (size_t i = 0; i < got; i++) buf_put(b, chunk[i]);
  fclose(f);
  return 0;
}

static int write_all(const char *path, const Buffer *b) {
  FILE *f = fopen(path, "wb");
  if (!f) { perror(path); return -1; }
  size_t put = b->len ? fwrite(b->data, 1, b->len, f) : 0;
  fclose(f);
  return put == b->len ? 0 : -1;
}

static int round_trip(const char *path) {
  Buffer in = {0}, packed = {0}, back = {0}, reread = {0};
  char name[256];
  const char *why = "";
  if (read_all(path, &in)) return 1;
  compress(in.data, in.len, &packed);
  snprintf(name, sizeof name, "%s.lzw", path);
  if (write_all(name, &packed)) return 1;
  if (read_all(name, &reread)) return 1;
  int bad = decompress(reread.data, reread.len, &back, &why);
  snprintf(name, sizeof name, "%s.back", path);
  if (!bad && write_all(name, &back)) return 1;
  int same = !bad && back.len == in.len && (in.len == 0 || memcmp(back.data, in.data, in.len) == 0);
  unsigned pct = in.len ? (unsigned)((uint64_t)packed.len * 1000 / in.len) : 0;
  printf("%-14s %7zu -> %7zu bytes (%u.%u%%)  crc %08x / %08x  %s\n", path, in.len, packed.len, pct / 10, pct % 10,
         in.len ? crc32(in.data, in.len) : 0, crc32(packed.data, packed.len), same ? "round trip ok" : why);
  free(in.data); free(packed.data); free(back.data); free(reread.data);
  return same ? 0 : 1;
}

int main(int argc, char **argv) {
  crc_init();
  if (argc >= 3 && !strcmp(argv[1], "t")) {
    int failures = 0;
    for (int i = 2; i < argc; i++) failures += round_trip(argv[i]);
    /* corrupt streams are refused, not crashed on */
    static const uint8_t junk[] = { 'L', 'Z', 'W', '1', 9, 0, 0, 0, 0xff, 0xff, 0xff, 0x0f };
    Buffer out = {0};
    const char *why = "";
    int r = decompress(junk, sizeof junk, &out, &why);
    printf("corrupt stream: %d (%s)\n", r, why);
    free(out.data);
    printf("%d of %d files failed\n", failures, argc - 2);
    return failures != 0;
  }
  if (argc == 4 && (argv[1][0] == 'c' || argv[1][0] == 'd')) {
    Buffer in = {0}, out = {0};
    const char *why = "";
    if (read_all(argv[2], &in)) return 1;
    if (argv[1][0] == 'c') compress(in.data, in.len, &out);
    else if (decompress(in.data, in.len, &out, &why)) { fprintf(stderr, "%s: %s\n", argv[2], why); return 1; }
    return write_all(argv[3], &out) ? 1 : 0;
  }
  fprintf(stderr, "usage: %s c|d IN OUT, or %s t FILES...\n", argv[0], argv[0]);
  return 2;
}
