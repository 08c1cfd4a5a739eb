f() { while [ $# -gt 0 ]; do echo "arg: $1"; shift; done; }
f a "b c" d
echo "outer $#"
