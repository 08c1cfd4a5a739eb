for i in 1 2; do
  cat <<EOF
iteration $i
EOF
done
while read l; do echo "[$l]"; done <<EOF
x
y
EOF
