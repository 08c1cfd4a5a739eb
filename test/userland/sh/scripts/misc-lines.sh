f() { echo a; }
f() { echo b; } 2>/dev/null
f
echo "a" > f1; echo "b" >> f1; while read l; do echo "<$l>"; done < f1
cat f1 | while read l; do echo "{$l}"; done
set -u; echo "${notset:-ok}"; set +u
echo $((  1 +
 2 ))
echo "unterminated-arith-inside-quotes: $(( 2 * ( 3 + 4 ) ))"
echo "semi;colon" 'amp&er' "pipe|x"
echo a\
b
v=$(echo "line1"; echo "line2"); echo "$v"
for i in 1 2 3; do
  for j in 1 2; do
    [ $j -eq 2 ] && break
    echo "$i.$j"
  done
done
exit 0
