echo \$HOME
echo a\ b
echo \\
echo \'\"
echo line\
continued
