x='a b'; y="$x"; echo "${y#"a "}"
echo "${x:+"$x"}" | cat
for i in 1 2; do echo $i; done | while read n; do echo "n$n"; done
a=1; b=2; echo $((a+b)) $(( $a + $b ))
f() { echo "$@"; }; f "a  b" c
echo "$(echo "$(echo "x  y")")"
IFS=:; set -- a:b; echo $1; IFS=' '
v=abcabc; echo ${v%b*} ${v%%b*} ${v#*b} ${v##*b}
case "a b" in "a b") echo quoted-space;; esac
echo $(( 10 > 5 && 3 < 4 ))
echo `echo "a\`echo b\`c"`
s='x'; s="$s$s"; echo $s
echo "a" 'b' c\ d
set -- 1 2 3; echo "${@}" "${*}" ${#@}
echo $(( $# * 2 ))
z=$((1+1))x; echo $z
e=""; echo ${e:-"d e"} | cat
echo "tab	x" | { IFS= read -r l; echo "[$l]"; }
{ echo a; false; } && echo no || echo yes
echo "${undefined:-$(echo cmd)}"
t="  x  "; echo "[${t}]" [$t]
echo 'a'\''b'
w=$(cat <<EOF
heredoc in cmdsub
EOF
)
echo "$w"
echo ${x:-a}b"c"
for f in "a b" 'c d'; do set -- $f; echo $#; done
echo $((3-1-1)) $((2*3%4)) $((1<<2+1))
X=1; readonly X; echo $X
echo "$((1 ? 2 : 3))"
[ "$(echo x)" = x ] && echo ok1
test -n "" -o -n "y" && echo ok2
echo \"quoted\" "\$notvar"
echo "${#}"
