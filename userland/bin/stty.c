/* stty [size | sane | raw | -raw | cooked | [-]echo | [-]icanon | [-]isig]: shows or changes the terminal's
 * settings through ioctl (TCGETS, TCSETS, TIOCGWINSZ). With no argument: the size and the main flags. */
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The kernel's struct termios (asm-generic): four flag words, the line discipline, 19 control characters. */
struct kernel_termios {
  unsigned iflag, oflag, cflag, lflag;
  unsigned char line;
  unsigned char cc[19];
};

struct window_size {
  unsigned short rows, cols, xpixel, ypixel;
};

#define T_GETS 0x5401
#define T_SETS 0x5402
#define T_GWINSZ 0x5413
#define L_ISIG 01
#define L_ICANON 02
#define L_ECHO 010
#define I_ICRNL 0400
#define O_OPOST 01

static void show_flag(const char *name, unsigned on) { printf(" %s%s", on ? "" : "-", name); }

int main(int argc, char **argv) {
  struct kernel_termios t;
  struct window_size w;
  int i;
  if (ioctl(0, T_GETS, &t) < 0) {
    fprintf(stderr, "stty: standard input: Not a tty\n");
    return 1;
  }
  if (ioctl(0, T_GWINSZ, &w) < 0) w.rows = w.cols = 0;
  if (argc == 1) {
    printf("rows %d; columns %d;", w.rows, w.cols);
    show_flag("icanon", t.lflag & L_ICANON);
    show_flag("echo", t.lflag & L_ECHO);
    show_flag("isig", t.lflag & L_ISIG);
    show_flag("opost", t.oflag & O_OPOST);
    printf("\n");
    return 0;
  }
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    int off = a[0] == '-';
    const char *name = a + off;
    if (strcmp(a, "size") == 0) { printf("%d %d\n", w.rows, w.cols); continue; }
    if (strcmp(a, "sane") == 0 || strcmp(a, "cooked") == 0 || strcmp(a, "-raw") == 0) {
      t.lflag |= L_ICANON | L_ECHO | L_ISIG;
      t.iflag |= I_ICRNL;
      t.oflag |= O_OPOST;
    } else if (strcmp(a, "raw") == 0) {
      t.lflag &= ~(unsigned)(L_ICANON | L_ISIG | L_ECHO);
      t.iflag &= ~(unsigned)I_ICRNL;
    } else if (strcmp(name, "echo") == 0) {
      t.lflag = off ? t.lflag & ~(unsigned)L_ECHO : t.lflag | L_ECHO;
    } else if (strcmp(name, "icanon") == 0) {
      t.lflag = off ? t.lflag & ~(unsigned)L_ICANON : t.lflag | L_ICANON;
    } else if (strcmp(name, "isig") == 0) {
      t.lflag = off ? t.lflag & ~(unsigned)L_ISIG : t.lflag | L_ISIG;
    } else {
      fprintf(stderr, "stty: invalid argument '%s'\n", a);
      return 1;
    }
  }
  if (ioctl(0, T_SETS, &t) < 0) {
    perror("stty");
    return 1;
  }
  return 0;
}
