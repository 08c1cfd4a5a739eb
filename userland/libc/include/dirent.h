/* dirent.h: directory streams over getdents64. */
#ifndef _DIRENT_H
#define _DIRENT_H
#include <sys/types.h>

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10

/* The kernel's linux_dirent64 record, as getdents64 writes it. */
struct dirent {
  ino_t d_ino;
  off_t d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[256];
};

typedef struct _DIR {
  int fd;
  int pos, len;
  char buf[2048];
} DIR;

/* Reads directory records into buf; returns bytes stored, 0 at the end, or -1 with errno. */
int getdents64(int fd, void *buf, size_t len);
DIR *opendir(const char *path);
struct dirent *readdir(DIR *d);
int closedir(DIR *d);
#endif
