f() { while read x; do echo "f:$x"; done; }
printf 'a\nb\n' | f
f2() { echo x; echo y; }
f2 | while read l; do echo "[$l]"; done
