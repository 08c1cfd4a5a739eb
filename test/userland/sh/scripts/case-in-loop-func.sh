classify() {
  case $1 in
    *.c) echo "C source";;
    *.h) echo "header";;
    Makefile) echo "makefile";;
    *) echo "other";;
  esac
}
for f in main.c util.h Makefile README; do printf '%s: ' $f; classify $f; done
