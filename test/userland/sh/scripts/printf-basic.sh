printf '%s\n' hello
printf '%s-%s\n' a b c d
printf '%d + %d = %d\n' 2 3 5
printf '[%5s][%-5s]\n' ab cd
printf '%x %o %X\n' 255 8 255
