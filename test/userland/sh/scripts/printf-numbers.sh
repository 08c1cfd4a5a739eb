printf '%05d|%-4d|%+d\n' 42 7 3
printf '%.3s\n' abcdef
printf '%c%c\n' hello world
printf '%d\n' "'A"
printf '%i\n' 0x10
