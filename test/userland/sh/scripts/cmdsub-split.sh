set -- $(echo a b c)
echo $#
set -- "$(echo a b c)"
echo $#
files=$(printf '%s\n' x y z)
for f in $files; do echo "f=$f"; done
