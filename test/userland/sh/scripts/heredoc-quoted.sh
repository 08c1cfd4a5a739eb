x=world
cat <<'EOF'
hello $x
$(not run)
EOF
cat <<"E"
also $x
E
cat <<\E
and $x
E
