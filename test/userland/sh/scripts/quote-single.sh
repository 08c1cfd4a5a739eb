echo 'single $HOME `x` "dq"'
echo 'it'"'"'s'
echo ''
echo 'a
b'
