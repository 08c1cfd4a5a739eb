# The shell's heap stays the same size over a loop of expansions, functions, here-documents and command
# substitutions: prints the end of [heap] after each of $2 rounds of $1 iterations (the allocator settles
# into its working size in the first rounds; after that the end must not move).
heap_end() {
  while read range perm off dev ino name; do
    [ "$name" = "[heap]" ] && echo "${range#*-}"
  done < /proc/$$/maps
}
round() {
  i=0 n=$1
  while [ $i -lt $n ]; do
    x=$(echo $i); y="${x}abc"; set -- a "b c" d; for w in "$@"; do :; done
    case $y in *abc) z=${y%abc};; esac
    f() { local q=$((i * 2)); echo "$q" "${#y}"; }; f > /dev/null
    read line <<EOF
$i ${z}
EOF
    echo /bin/* > /dev/null; : $((i += 1))
  done
}
k=0
while [ $k -lt $2 ]; do round $1; heap_end; k=$((k + 1)); done
