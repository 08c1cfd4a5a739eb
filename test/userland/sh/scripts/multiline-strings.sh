x="line1
line2"
echo "$x"
printf '%s\n' "$x" | while read l; do echo "[$l]"; done
