log() { echo "[$1] $2"; }
log INFO "starting"
count=0
for f in a b c; do
  count=$((count + 1))
done
log INFO "count=$count"
max() { if [ "$1" -gt "$2" ]; then echo "$1"; else echo "$2"; fi; }
echo "max: $(max 3 7)"
str="hello world"
case "$str" in
  hello*) echo "greeting";;
esac
upper=$(echo "$str" | { read a b; echo "$b $a"; })
echo "$upper"
set -- "$str" x
echo "$#"
while [ $# -gt 0 ]; do echo "arg: $1"; shift; done
i=0
until [ $i -eq 3 ]; do i=$((i+1)); printf '%d ' $i; done; echo
exec 3>&1
out=$(echo to-3 >&3; echo captured)
echo "out=$out"
exec 3>&-
x=5; [ $x -gt 3 ] && [ $x -lt 10 ] && echo "in range"
test "$x" = 5 -a "$x" != 6 && echo combined
func_with_local() { local x=inner; echo $x; }
func_with_local; echo $x
echo "${str%% *} and ${str##* }"
a=1; a=$((a << 3)); echo $a
echo $(( (5 + 3) / 2 % 3 ))
printf '%-10s|%5d|\n' name 42
printf '%s\n' "multiple" "lines"
nested() { echo "$(echo "$(echo "$1")")"; }; nested deep
for w in $(echo "a b c"); do printf '%s.' "$w"; done; echo
echo "$((0x10 + 010 + 10))"
var=""; if [ -z "$var" ]; then echo empty; fi
(trap 'echo sub-exit' EXIT; echo in-sub)
{ echo grouped; } 2>&1 | cat
f() { echo "f $#"; }; f "" ""; f
echo ${UNSET_VAR:-default} ${UNSET_VAR-dash}
readonly R=1; echo $R
arr="one two three"; set -- $arr; echo "second=$2"
IFS=,; line="a,b,,d"; set -- $line; echo $#; IFS=' '
echo done
