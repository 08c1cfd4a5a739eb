touch .a .b c
echo *
echo .*
echo .[ab]
