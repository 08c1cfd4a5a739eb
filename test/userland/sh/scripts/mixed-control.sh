f() { return 1; }
if f; then echo t; else echo f; fi
while f; do :; done; echo w$?
g() { local a=1 b; b=2; echo $a$b; }; g
h() { echo "$1"; shift; echo "$1"; }; h x y
set -e; f || true; echo after-or
set +e
k() { (exit 3); }; k; echo k$?
echo $( (echo sub-in-cmdsub) )
echo $((  (2+3) * (4-1)  ))
( set -e; false; echo no ) ; echo sub$?
unset x; x=${x:-1}; echo $x
echo "a\"b"
echo 'x' >&2 2>/dev/null
out=$(echo err 1>&2) 2>/dev/null; echo "[$out]"
a="*"; echo "$a" "${a}"
for x in 1 2 3; do
  case $x in
    2) continue;;
  esac
  echo $x
done
n=0; until [ $n = 3 ]; do n=$((n+1)); [ $n = 2 ] && break; done; echo n$n
cat <<- EOF
	tab-stripped
	EOF
echo done
trap 'echo trapped' EXIT
exit 3
