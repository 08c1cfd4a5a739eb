set --
for x in "$@"; do echo "never"; done
echo "count: $#"
set -- "$@"
echo "count: $#"
f() { echo $#; }
f "$@"
f "x$@"
